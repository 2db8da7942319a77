/**
 * The Treaty aggregate: one per treaty, the consistency boundary for the entry-into-force count.
 * It decides every command by trying the resulting facts against {@code TreatyRules}; its event
 * sourcing handlers only fold events into those facts. It never reads the clock: legal dates come
 * on the command, the recording instant in the command's metadata.
 */
package org.ratification.ledger.core.treaty;
