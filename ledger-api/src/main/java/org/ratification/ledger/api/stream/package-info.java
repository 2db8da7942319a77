/**
 * What dashboards subscribe to: the event envelope shared with the Kafka topic, one in-JVM reader
 * of the event store fanning out to bounded per-subscriber queues, and the resumable Server-Sent
 * Events endpoint {@code GET /api/events/stream}.
 */
package org.ratification.ledger.api.stream;
