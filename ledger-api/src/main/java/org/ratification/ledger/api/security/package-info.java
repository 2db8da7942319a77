/**
 * Access control: who may do what (depositary writes and operates, auditors read history and
 * verify, everyone reads status), HTTP Basic users or OIDC bearer tokens, refusals as problem+json,
 * a bound on failed logins, and the recorder of every write taken from the authenticated principal.
 */
package org.ratification.ledger.api.security;
