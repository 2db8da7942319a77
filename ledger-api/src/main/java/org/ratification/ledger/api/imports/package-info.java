/**
 * Import and export of published status tables in the layout of the UN Treaty Collection
 * ({@code Participant,Signature,"Ratification, Acceptance(A), …"}): reading and bounding the CSV,
 * planning the records a table implies, checking them all against the treaty's rules before any is
 * sent, recording them through the same commands as the REST API, and writing a treaty's table in
 * the same layout.
 */
package org.ratification.ledger.api.imports;
