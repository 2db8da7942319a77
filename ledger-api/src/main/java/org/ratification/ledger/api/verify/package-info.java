/**
 * The offline verifier: {@code java -jar ledger-api.jar verify history.ndjson} re-checks a treaty's
 * exported history (chain of hashes) and recomputes its status from the export alone, without the
 * service or its database.
 */
package org.ratification.ledger.api.verify;
