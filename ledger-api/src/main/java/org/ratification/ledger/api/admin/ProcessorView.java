package org.ratification.ledger.api.admin;

/**
 * An event processor (one per read model) as the operator sees it.
 *
 * @param segments the segments this node processes now
 * @param position the lowest global position reached by those segments
 * @param headPosition the global position of the newest event in the store
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
        Long position,
        Long headPosition,
        Integer declaredVersion,
        Integer storedVersion) {}
