/**
 * Storage: the JDBC event store with the ledger's gap and batch settings, and the snapshots of
 * the Treaty aggregate (Jackson, field by field, read back only while the aggregate keeps the
 * shape they were written with).
 */
package org.ratification.ledger.api.storage;
