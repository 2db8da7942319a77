package org.ratification.ledger.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * Request bodies of the public API. Treaties are registered with generous final clauses (signature
 * open from 2000 to 2099) and every legal date lies in the past, so no rule refuses a write.
 */
final class Fixtures {

    /** Every State of the registry (the REIO is left out: it may sign only after a member State). */
    static final List<String> STATES = ParticipantRegistry.standard().all().stream()
            .filter(p -> !p.isReio())
            .map(Participant::code)
            .toList();

    static final String SIGNED_ON = "2024-03-01";
    static final String DEPOSITED_ON = "2024-06-03";
    static final String RECEIVED_ON = "2024-09-02";

    /** Clients writing fixtures at once: a write waits for the read model, so many hide that wait. */
    static final int FIXTURE_CLIENTS = 32;

    private Fixtures() {}

    static Map<String, Object> treaty(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("reference", "BENCH-" + Math.abs(id.hashCode()));
        body.put("title", "Benchmark Convention " + Math.abs(id.hashCode()));
        body.put("adoptedOn", "1999-12-01");
        body.put("signature", Map.of("opensOn", "2000-01-01", "closesOn", "2099-12-31"));
        body.put(
                "entryIntoForce",
                Map.of(
                        "instrumentsRequired", 40,
                        "daysAfterThreshold", 90,
                        "daysAfterLaterInstrument", 30,
                        "reioInstrumentsCount", false));
        body.put("denunciation", Map.of("takesEffectAfterMonths", 12));
        return body;
    }

    static Map<String, Object> signature(String participant) {
        return Map.of("participant", participant, "signedOn", SIGNED_ON, "place", "New York");
    }

    static Map<String, Object> ratification(String participant) {
        return Map.of("participant", participant, "type", "RATIFICATION", "depositedOn", DEPOSITED_ON);
    }

    static Map<String, Object> communication(String participant, long n) {
        return Map.of(
                "participant",
                participant,
                "kind",
                "NOTIFICATION",
                "receivedOn",
                RECEIVED_ON,
                "text",
                "Notification no. " + n + " designating the central authority for mutual legal assistance.");
    }

    static String path(String treatyId, String collection) {
        return "/api/treaties/" + treatyId + "/" + collection;
    }

    static void register(LedgerClient client, String treatyId) throws IOException, InterruptedException {
        client.record("/api/treaties", treaty(treatyId));
    }

    /** Registers treaties, many at a time. */
    static void register(LedgerClient client, List<String> treatyIds) throws InterruptedException {
        writeAll(
                client,
                treatyIds.stream()
                        .map(id -> new Writes.Write("/api/treaties", treaty(id)))
                        .toList());
    }

    /**
     * Registers a treaty and gives it {@code records} records in all: signatures, then
     * ratifications, then communications. Each phase is written by many clients at once (the
     * records of one phase are independent), which keeps set-up short whatever a single write costs.
     */
    static void history(LedgerClient client, String treatyId, int records) throws IOException, InterruptedException {
        register(client, treatyId);
        int left = records - 1;
        int signatures = Math.min(left, STATES.size());
        writeAll(
                client,
                STATES.subList(0, signatures).stream()
                        .map(p -> new Writes.Write(path(treatyId, "signatures"), signature(p)))
                        .toList());
        left -= signatures;
        int ratifications = Math.min(left, signatures);
        writeAll(
                client,
                STATES.subList(0, ratifications).stream()
                        .map(p -> new Writes.Write(path(treatyId, "instruments"), ratification(p)))
                        .toList());
        left -= ratifications;
        communications(client, treatyId, left, false);
    }

    /** Writes {@code count} communications to a treaty. */
    /** The participants that communicate: each signs first (a communication needs an earlier action). */
    static final int COMMUNICATORS = 20;

    /** The participant of communication {@code n}: one of the {@value #COMMUNICATORS} signatories. */
    static String communicator(long n) {
        return STATES.get((int) (n % COMMUNICATORS));
    }

    /** {@code count} records: the communicators' signatures, then communications from them. */
    static void communications(LedgerClient client, String treatyId, int count) throws InterruptedException {
        communications(client, treatyId, count, true);
    }

    /**
     * {@code count} records: unless the communicators signed already, their signatures; then
     * communications from them.
     */
    static void communications(LedgerClient client, String treatyId, int count, boolean signFirst)
            throws InterruptedException {
        int signatures = signFirst ? Math.min(count, COMMUNICATORS) : 0;
        List<Writes.Write> signed = new ArrayList<>();
        for (int n = 0; n < signatures; n++) {
            signed.add(new Writes.Write(path(treatyId, "signatures"), signature(STATES.get(n))));
        }
        writeAll(client, signed);
        List<Writes.Write> writes = new ArrayList<>();
        for (int n = signatures; n < count; n++) {
            writes.add(new Writes.Write(path(treatyId, "communications"), communication(communicator(n), n)));
        }
        writeAll(client, writes);
    }

    /** Sends independent writes from {@value #FIXTURE_CLIENTS} clients; every one must be recorded. */
    static void writeAll(LedgerClient client, List<Writes.Write> writes) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(FIXTURE_CLIENTS);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Writes.Write w : writes) {
                results.add(pool.submit(() -> client.record(w.path(), w.body())));
            }
            for (Future<String> f : results) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(
                            "fixture write failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
