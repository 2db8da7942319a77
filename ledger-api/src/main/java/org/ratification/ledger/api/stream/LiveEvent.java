package org.ratification.ledger.api.stream;

import org.axonframework.eventhandling.TrackingToken;

/**
 * An event ready to be sent to subscribers: its envelope written once as JSON, shared by all of
 * them, with what a subscription needs to filter it.
 *
 * @param token the event's tracking token in the store
 * @param position the event's global position (the SSE id)
 * @param treatyId the treaty the event belongs to
 * @param type the event's name (the SSE event name)
 * @param json the envelope as JSON (the SSE data)
 */
record LiveEvent(TrackingToken token, long position, String treatyId, String type, String json) {}
