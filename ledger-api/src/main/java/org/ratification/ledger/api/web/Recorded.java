package org.ratification.ledger.api.web;

/** The answer to every write: the id auditors use to refer to the record. */
public record Recorded(String recordId, String treatyId, String action) {}
