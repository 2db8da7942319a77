/**
 * The depositary notifications read model: one C.N. per action (signature, instrument,
 * denunciation, communication, correction, retraction), with its reference
 * {@code C.N.<n>.<year>.TREATIES-<treaty reference>} and an English text naming the treaty, the
 * action, the participant and the date, and for instruments when the treaty enters into force for
 * that participant. Numbers run per year of recording, are assigned in the order of the global
 * event stream by a single-segment processor, and are kept in a journal that a rebuild leaves
 * alone, so a number once issued stays with its record and is never reused.
 */
package org.ratification.ledger.projections.notifications;
