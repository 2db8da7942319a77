/** Atom feeds (RFC 4287) of the depositary notifications, for feed readers instead of e-mail. */
package org.ratification.ledger.api.feeds;
