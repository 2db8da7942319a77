/**
 * Several nodes on one database: the node's identity in token claims, pooled event processors
 * whose segments the nodes share, and the retry of a command that lost a race for its treaty.
 */
package org.ratification.ledger.api.cluster;
