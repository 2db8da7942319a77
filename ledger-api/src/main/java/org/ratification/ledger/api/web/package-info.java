/**
 * The REST API: request and response records, controllers, and the mapping of every refusal to
 * RFC 9457 problem+json with a stable {@code code}.
 */
package org.ratification.ledger.api.web;
