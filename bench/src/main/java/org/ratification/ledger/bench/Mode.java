package org.ratification.ledger.bench;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run. {@code quick} finishes within about ten minutes on two cores; {@code full}
 * uses the big store of the issue (one million events) and longer repetitions.
 *
 * @param warmUp the length of the warm-up run that precedes the measured repetitions
 * @param repetition the length of one measured repetition of a load scenario
 * @param repetitions measured repetitions per metric (the median of them is reported)
 * @param recordingTreaties treaties registered for scenario 1 (signatures spread over them)
 * @param concurrencies client counts of scenario 1
 * @param replayEvents events in the big store of scenarios 2 and 4
 * @param readRate requests per second of scenario 4 (and 6)
 * @param timeTravelRecords records of the treaty that the time-travel query reads
 * @param timeTravelRate time-travel requests per second
 * @param smallTreatyEvents prior events of the small treaty of scenario 5
 * @param bigTreatyEvents prior events of the big treaty of scenario 5
 * @param aggregateRate recordings per second of scenario 5
 */
record Mode(
        String name,
        Duration warmUp,
        Duration repetition,
        int repetitions,
        int recordingTreaties,
        List<Integer> concurrencies,
        int replayEvents,
        double readRate,
        int timeTravelRecords,
        double timeTravelRate,
        int smallTreatyEvents,
        int bigTreatyEvents,
        double aggregateRate) {

    static Mode quick() {
        return new Mode(
                "quick",
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                5,
                200,
                List.of(1, 4, 16),
                100_000,
                1_000,
                1_000,
                20,
                100,
                10_000,
                10);
    }

    static Mode full() {
        return new Mode(
                "full",
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                5,
                200,
                List.of(1, 4, 16),
                1_000_000,
                1_000,
                1_000,
                20,
                100,
                10_000,
                10);
    }

    Mode withReplayEvents(int events) {
        return new Mode(
                name,
                warmUp,
                repetition,
                repetitions,
                recordingTreaties,
                concurrencies,
                events,
                readRate,
                timeTravelRecords,
                timeTravelRate,
                smallTreatyEvents,
                bigTreatyEvents,
                aggregateRate);
    }

    Mode withWarmUp(Duration length) {
        return new Mode(
                name,
                length,
                repetition,
                repetitions,
                recordingTreaties,
                concurrencies,
                replayEvents,
                readRate,
                timeTravelRecords,
                timeTravelRate,
                smallTreatyEvents,
                bigTreatyEvents,
                aggregateRate);
    }

    Mode withRepetitions(int count) {
        return new Mode(
                name,
                warmUp,
                repetition,
                count,
                recordingTreaties,
                concurrencies,
                replayEvents,
                readRate,
                timeTravelRecords,
                timeTravelRate,
                smallTreatyEvents,
                bigTreatyEvents,
                aggregateRate);
    }
}
