/**
 * Bounds on input: request bodies over the size limit are refused with 413 before anything reads
 * them into a request, and JSON is read strictly (dates only as YYYY-MM-DD strings, no numbers for
 * texts or enums, no duplicate keys, nothing after the document).
 */
package org.ratification.ledger.api.limits;
