/**
 * The participant registry: every State that may take part under the "all States" formula, by
 * ISO 3166-1 alpha-3 code, and the regional economic integration organizations with their member
 * States. Reference data shipped with the code; unknown codes are refused.
 */
package org.ratification.ledger.core.participants;
