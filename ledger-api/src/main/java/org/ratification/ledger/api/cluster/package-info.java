/**
 * Several nodes on one database: the node's identity in token claims (the tracking processors'
 * one segment each is claimed by one node and taken over when it dies), and the retry of a
 * command that lost a race for its treaty.
 */
package org.ratification.ledger.api.cluster;
