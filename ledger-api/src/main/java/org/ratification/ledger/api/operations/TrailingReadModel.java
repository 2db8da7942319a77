package org.ratification.ledger.api.operations;

/**
 * A read model of an inline processor that is nonetheless written after the recordings' commits, by an
 * appender of its own (the verifiable log): {@link ProcessorHealth} reports how far it
 * is behind and whether it fails, as it does for the tracking processors.
 */
public interface TrailingReadModel {

    /** The name of its event processor. */
    String processor();

    /**
     * Where it stands: its position, and the position it must reach to hold everything committed now,
     * in a unit of its own (the log: leaves).
     */
    Progress progress();

    /** Whether its latest attempt failed (the error is noted in {@link ProcessorErrors}). */
    boolean failing();

    /** A position and the position to reach. */
    record Progress(long position, long head) {}
}
