package org.ratification.ledger.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Matches each write's acknowledgement with the arrival of its event on one channel (SSE or Kafka)
 * by record id, and records the time from acknowledgement to arrival. An event that arrives before
 * its write is acknowledged counts as 0 ms (and is counted as early).
 */
final class Arrivals {

    private final Latency latency = new Latency();
    private final Map<String, Long> acknowledged = new HashMap<>();
    private final Map<String, Long> arrived = new HashMap<>();
    private long early;

    synchronized void acknowledged(String recordId, long nanos) {
        Long at = arrived.remove(recordId);
        if (at != null) {
            latency.recordNanos(Math.max(0, at - nanos));
            if (at < nanos) {
                early++;
            }
        } else {
            acknowledged.put(recordId, nanos);
        }
    }

    synchronized void arrived(String recordId, long nanos) {
        Long ack = acknowledged.remove(recordId);
        if (ack != null) {
            latency.recordNanos(nanos - ack);
        } else {
            arrived.put(recordId, nanos);
        }
    }

    /** Writes acknowledged whose event has not arrived (yet). */
    synchronized int missing() {
        return acknowledged.size();
    }

    synchronized long early() {
        return early;
    }

    Latency latency() {
        return latency;
    }
}
