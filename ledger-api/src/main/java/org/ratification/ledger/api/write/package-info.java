/**
 * The write path: stamps each command with its record id, recording time and recorder, sends it
 * through Axon's command gateway, and waits (briefly) until the status read model shows it.
 */
package org.ratification.ledger.api.write;
