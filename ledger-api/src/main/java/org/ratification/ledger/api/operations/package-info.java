/**
 * Operations: health of the event processors, Prometheus metrics (commands by outcome, recording
 * latency, processor lag) and the progress of read-model rebuilds.
 */
package org.ratification.ledger.api.operations;
