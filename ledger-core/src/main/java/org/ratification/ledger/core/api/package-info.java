/**
 * The public contract of the ledger: commands, events, queries, their value types and the
 * answers ({@code …View}) shared by the aggregate, the projections, the REST layer, Kafka consumers
 * and auditors. Records only, no behaviour; events are stored by class name and never renamed.
 */
package org.ratification.ledger.core.api;
