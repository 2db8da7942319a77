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
 * @param json the full envelope as JSON (the SSE data for auditors and the depositary)
 * @param publicJson the public envelope as JSON (the SSE data for everyone else)
 */
record LiveEvent(TrackingToken token, long position, String treatyId, String type, String json, String publicJson) {

    /** The data a subscriber may receive: the full envelope, or the public one. */
    String json(boolean full) {
        return full ? json : publicJson;
    }
}
