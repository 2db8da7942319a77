/**
 * The Kafka publisher, configured only when {@code ledger.kafka.bootstrap-servers} is set: an Axon
 * event processor of its own ({@code kafka-publisher}) that sends every event's envelope to the
 * topic, keyed by treaty id, and advances its token only after the broker acknowledged.
 */
package org.ratification.ledger.api.kafka;
