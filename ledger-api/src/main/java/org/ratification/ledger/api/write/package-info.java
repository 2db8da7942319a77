/**
 * The write path: stamps each command with its record id, recording time and recorder, sends it
 * through Axon's command gateway; the inline read models commit in the same transaction.
 */
package org.ratification.ledger.api.write;
