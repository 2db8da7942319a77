package org.ratification.ledger.api.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.chain.ChainLink;
import org.ratification.ledger.core.chain.ChainVerifier;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.core.rules.TreatyFacts;

/**
 * Verifies a treaty's history exported as JSON Lines ({@code GET /api/treaties/{id}/history} with
 * {@code Accept: application/x-ndjson}) with nothing but the export: each line's hash is recomputed
 * from its own content as {@code docs/CHAIN.md} specifies (the legal date is taken from the payload,
 * not from the export's convenience column), the chain is followed from the first record, and the
 * status table and entry-into-force dates are recomputed by folding the payloads with the same rule
 * code the service uses.
 */
public final class OfflineVerifier {

    static final String EVENT_PACKAGE = "org.ratification.ledger.core.api.";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What the verifier found: the chain verdict, and the status the export proves on {@code asOf}. */
    public record Report(
            ChainVerifier.Verdict chain, LocalDate asOf, TreatyStatusView treaty, List<ParticipantView> participants) {}

    private OfflineVerifier() {}

    /** {@code verify <export.ndjson> [--as-of YYYY-MM-DD]}; exit 0 valid, 1 broken, 2 unusable input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && LogVerifier.handles(args[0])) {
            return LogVerifier.run(args, out, err); // issue 17: the log's checks (docs/LOG.md)
        }
        if (args.length != 1 && !(args.length == 3 && "--as-of".equals(args[1]))) {
            err.println("usage: java -jar ledger-api.jar verify <history.ndjson> [--as-of YYYY-MM-DD]");
            return 2;
        }
        try {
            LocalDate asOf = args.length == 3 ? LocalDate.parse(args[2]) : LocalDate.now(ZoneOffset.UTC);
            Report report = verify(Path.of(args[0]), asOf);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.chain().valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("Cannot verify " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    public static Report verify(Path export, LocalDate asOf) throws IOException {
        List<ChainVerifier.StoredRecord> records = new ArrayList<>();
        List<TreatyEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(export, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            long sequence = record.path("sequence").asLong(-1);
            String recordId = record.path("recordId").asText(null);
            try {
                TreatyEvent event = event(record);
                events.add(event);
                JsonNode metadata = record.path("metadata");
                ChainLink link = new ChainLink(
                        record.path("eventType").asText(),
                        text(record, "revision"),
                        record.path("treatyId").asText(),
                        sequence,
                        event.legalDate(),
                        text(metadata, RecordingMetadata.RECORDED_AT),
                        text(metadata, RecordingMetadata.RECORDED_BY),
                        record.path("payload"),
                        null);
                records.add(new ChainVerifier.StoredRecord(
                        sequence,
                        recordId,
                        link,
                        text(metadata, RecordingMetadata.HASH),
                        text(metadata, RecordingMetadata.PREVIOUS_HASH),
                        null));
            } catch (IOException | RuntimeException e) {
                records.add(ChainVerifier.StoredRecord.unreadable(sequence, recordId, e.getMessage()));
            }
        }
        ChainVerifier.Verdict chain = ChainVerifier.verify(records);
        TreatyFacts facts = TreatyFacts.fold(events);
        if (facts == null) {
            return new Report(chain, asOf, null, List.of());
        }
        StatusCalculator.Status status =
                new StatusCalculator(ParticipantRegistry.standard()).asOf(facts.definition(), facts.actions(), asOf);
        return new Report(chain, asOf, status.treaty().withHeadHash(chain.headHash()), status.participants());
    }

    /** The line's payload as the event class it names (only classes of the ledger's message contract). */
    private static TreatyEvent event(JsonNode record) throws IOException {
        String type = record.path("eventType").asText();
        if (!type.matches("[A-Za-z]+Event")) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'");
        }
        Class<?> eventClass;
        try {
            eventClass = Class.forName(EVENT_PACKAGE + type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'", e);
        }
        Object event = JSON.treeToValue(record.path("payload"), eventClass);
        if (!(event instanceof TreatyEvent treatyEvent)) {
            throw new IllegalArgumentException("'" + type + "' is not an event of a treaty");
        }
        return treatyEvent;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
