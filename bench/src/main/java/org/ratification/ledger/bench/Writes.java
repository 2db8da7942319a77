package org.ratification.ledger.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The stream of recording commands of scenarios 1 and 3: write number k goes to treaty k mod T and
 * is the signature of State k div T, so consecutive writes hit different treaties and every
 * signature is by a distinct participant. When every State has signed every treaty, writes go on as
 * communications (unlimited).
 */
final class Writes {

    record Write(String path, Map<String, Object> body) {}

    private final List<String> treaties;
    private final AtomicLong next = new AtomicLong();

    Writes(int treaties) {
        this.treaties = IntStream.range(0, treaties)
                .mapToObj(i -> String.format("bench-rec-%03d", i))
                .toList();
    }

    private boolean registered;

    /** Registers the treaties once. */
    synchronized void registerTreaties(LedgerClient client) throws InterruptedException {
        if (!registered) {
            Fixtures.register(client, treaties);
            registered = true;
        }
    }

    List<String> treaties() {
        return treaties;
    }

    Write next() {
        long k = next.getAndIncrement();
        String treaty = treaties.get((int) (k % treaties.size()));
        long participant = k / treaties.size();
        if (participant < Fixtures.STATES.size()) {
            return new Write(
                    Fixtures.path(treaty, "signatures"), Fixtures.signature(Fixtures.STATES.get((int) participant)));
        }
        return new Write(
                Fixtures.path(treaty, "communications"),
                Fixtures.communication(Fixtures.STATES.get((int) (participant % Fixtures.STATES.size())), k));
    }

    long issued() {
        return next.get();
    }
}
