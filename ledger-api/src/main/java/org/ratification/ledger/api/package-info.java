/**
 * The Spring Boot service: REST controllers, configuration, and the wiring of Axon, the event
 * store and the read models. Thin: request DTO, then command, then gateway.
 */
package org.ratification.ledger.api;
