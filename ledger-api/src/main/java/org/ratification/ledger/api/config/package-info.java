/** Configuration: Axon's storage and serializer, the aggregate, the clock and the ledger's settings. */
package org.ratification.ledger.api.config;
