package org.ratification.ledger.api.write;

/** Who is recording: the authenticated principal, or the system for start-up work. */
public interface Recorder {

    String currentRecorder();
}
