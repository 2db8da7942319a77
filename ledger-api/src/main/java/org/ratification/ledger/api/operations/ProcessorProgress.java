package org.ratification.ledger.api.operations;

import java.util.List;

/**
 * Where one event processor (one read model) stands against the head of the event store.
 *
 * @param processor the processing group
 * @param replaying whether it is rebuilding (a reset token has not yet reached its reset point)
 * @param position the global index up to which every segment has handled the stream
 * @param head the global index of the newest event in the store
 * @param behind events between position and head (the lag)
 * @param percent position as a share of head, one decimal
 * @param eventsPerSecond how fast position moved over the last sampling interval
 * @param segments how many segments the processor has
 * @param claimedBy the nodes that claim its segments now
 */
public record ProcessorProgress(
        String processor,
        boolean replaying,
        long position,
        long head,
        long behind,
        double percent,
        double eventsPerSecond,
        int segments,
        List<String> claimedBy) {}
