package org.ratification.ledger.api.admin;

/**
 * An event processor (one per read model) as the operator sees it.
 *
 * @param replaying whether a segment still holds a replay token; after a rebuild Axon keeps this
 *     true until the first event recorded after the rebuild started, so use {@code upToDate} to
 *     know when a rebuild is complete
 * @param segments the segments this node processes now
 * @param totalSegments the segments the processor has in the token store
 * @param position the lowest global position reached by those segments
 * @param headPosition the global position of the newest event in the store
 * @param upToDate whether every segment runs here, without error, and has processed the newest event
 * @param declaredVersion the version the projection declares, if it declares one
 * @param storedVersion the version the read model was last built with
 */
public record ProcessorView(
        String name,
        String type,
        boolean running,
        boolean error,
        boolean replaying,
        boolean caughtUp,
        int segments,
        int totalSegments,
        Long position,
        Long headPosition,
        boolean upToDate,
        Integer declaredVersion,
        Integer storedVersion) {}
