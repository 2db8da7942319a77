package org.ratification.ledger.api.write;

import org.springframework.stereotype.Component;

/**
 * The recorder until access control is configured: every write is the depositary's. Replaced by
 * the authenticated principal once security is in place.
 */
@Component
class SystemAwareRecorder implements Recorder {

    @Override
    public String currentRecorder() {
        return "depositary";
    }
}
