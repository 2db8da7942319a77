/** Which database a Spring test runs on: embedded H2, or a throw-away PostgreSQL database. */
package org.ratification.ledger.api.database;
