package org.ratification.ledger.api.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.ratification.ledger.core.rules.TreatyLookup;
import org.ratification.ledger.core.rules.TreatyRules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Imports a published status table into a treaty: reads it ({@link UntcTable}), turns each row into
 * the signature and instrument it states, skips what the ledger already holds identically, and checks
 * everything else <em>together</em> against the treaty's rules (the same {@link TreatyRules} and
 * {@link Bounds} the aggregate applies, over the treaty's facts folded from the event store plus every
 * new action) before a single command is sent. Only a table without any problem is recorded, action
 * by action in legal-date order (a signature before an instrument of the same day), through the same
 * commands as the REST API, each carrying the file's SHA-256 as its {@code source} metadata.
 *
 * <p>What is guaranteed: a table with a problem records nothing. A table found without problems is
 * recorded one action per command, each its own transaction; if a command is still refused midway
 * (another writer changed the treaty between the check and the recording, or the database failed),
 * the actions already recorded stay, the answer is {@code 409 IMPORT_INTERRUPTED} with the report
 * saying which were recorded, and importing the same table again records the rest (what is already
 * recorded identically is skipped).
 */
@Service
public class StatusTableImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatusTableImport.class);

    /** The time zone that enters each day first: a legal date must have begun there (as the aggregate checks). */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final ParticipantRegistry registry = ParticipantRegistry.standard();
    private final TreatyRules rules = new TreatyRules(registry);
    /** The treaty's facts, folded from its events in the event store (never from a read model). */
    private final TreatyLookup treaties;

    private final LedgerWriter writer;
    private final Clock clock;

    /** Runs before each command of a real import with the number recorded so far: a seam for tests. */
    private volatile IntConsumer beforeEachRecording = recordedSoFar -> {};

    public StatusTableImport(TreatyLookup treaties, LedgerWriter writer, Clock clock) {
        this.treaties = treaties;
        this.writer = writer;
        this.clock = clock;
    }

    /** One action a row stands for; {@code existing} is the record that already holds it, if any. */
    private record Planned(
            int row,
            long line,
            ActionKind kind,
            LocalDate date,
            InstrumentType type,
            String predecessor,
            LocalDate boundFrom,
            String checkId,
            String existing,
            Irregularity irregularity) {

        Planned acknowledging(Irregularity acknowledged) {
            return new Planned(row, line, kind, date, type, predecessor, boundFrom, checkId, existing, acknowledged);
        }
    }

    private static final class RowPlan {
        final UntcTable.Row row;
        String code;
        final List<Planned> actions = new ArrayList<>();
        final List<ImportReport.Problem> problems = new ArrayList<>();

        RowPlan(UntcTable.Row row) {
            this.row = row;
        }
    }

    /**
     * Checks the table against the treaty and, unless {@code dryRun} or a problem was found, records it.
     *
     * @throws RejectedException the file as a whole is refused (400), or the treaty is unknown (404)
     * @throws ImportRefusedException a row has a problem (422 IMPORT_REFUSED, nothing recorded), or a
     *     command was refused midway (409 IMPORT_INTERRUPTED)
     */
    public ImportReport importTable(String treatyId, byte[] csv, boolean dryRun) {
        UntcTable.Table table = UntcTable.read(csv);
        TreatyFacts facts = treaties.facts(treatyId)
                .orElseThrow(() -> Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.")
                        .exception());
        String parentId = facts.definition().parentTreatyId();
        TreatyFacts parent = parentId == null ? null : treaties.facts(parentId).orElse(null);
        String source = "sha256:" + table.sha256();

        List<RowPlan> plans = plan(treatyId, table, facts);
        List<ImportReport.Problem> tableProblems = check(treatyId, facts, parent, plans);
        int problems = tableProblems.size()
                + plans.stream().mapToInt(p -> p.problems.size()).sum();
        Map<Planned, String> recorded = new HashMap<>();
        if (dryRun) {
            return report(treatyId, true, source, table, tableProblems, plans, recorded, problems);
        }
        if (problems > 0) {
            throw new ImportRefusedException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "IMPORT_REFUSED",
                    problems + (problems == 1 ? " problem" : " problems")
                            + " in the table; nothing was recorded (see 'report').",
                    report(treatyId, false, source, table, tableProblems, plans, recorded, problems));
        }
        for (Planned action : toRecord(plans)) {
            try {
                beforeEachRecording.accept(recorded.size());
                recorded.put(action, record(treatyId, plans.get(action.row()).code, action, source));
            } catch (RuntimeException e) {
                Rejection cause = rejection(e);
                if (!"RECORDING_FAILED".equals(cause.code())) {
                    log.info("Import into {} interrupted at line {}: {}", treatyId, action.line(), cause.code());
                } else {
                    log.warn("Import into {} interrupted at line {}", treatyId, action.line(), e);
                }
                plans.get(action.row()).problems.add(new ImportReport.Problem(cause.code(), cause.message()));
                throw new ImportRefusedException(
                        HttpStatus.CONFLICT,
                        "IMPORT_INTERRUPTED",
                        "The ledger refused the action of line " + action.line() + " (" + cause.code() + ": "
                                + cause.message() + ") after " + recorded.size() + " of "
                                + toRecord(plans).size()
                                + " actions were recorded; those stay recorded, and importing the same table again"
                                + " records the rest.",
                        report(treatyId, false, source, table, tableProblems, plans, recorded, 1));
            }
        }
        return report(treatyId, false, source, table, tableProblems, plans, recorded, 0);
    }

    /** Tests: something to do before each command of a real import (another writer, a failure); null: nothing. */
    void beforeEachRecording(IntConsumer hook) {
        this.beforeEachRecording = hook == null ? recordedSoFar -> {} : hook;
    }

    private String record(String treatyId, String code, Planned action, String source) {
        Map<String, String> metadata = Map.of(RecordingMetadata.SOURCE, source);
        if (action.kind() == ActionKind.SIGNATURE) {
            return writer.record(
                            id -> new SignConventionCommand(
                                    treatyId,
                                    id,
                                    code,
                                    action.date(),
                                    null,
                                    action.predecessor(),
                                    action.irregularity()),
                            metadata)
                    .recordId();
        }
        return writer.record(
                        id -> new DepositInstrumentCommand(
                                treatyId,
                                id,
                                code,
                                action.type(),
                                action.date(),
                                List.of(),
                                List.of(),
                                action.predecessor(),
                                action.boundFrom(),
                                action.irregularity()),
                        metadata)
                .recordId();
    }

    /** The actions to record, in legal-date order: a signature before an instrument of the same day. */
    private static List<Planned> toRecord(List<RowPlan> plans) {
        return plans.stream()
                .flatMap(p -> p.actions.stream())
                .filter(a -> a.existing() == null)
                .sorted(Comparator.comparing(Planned::date)
                        .thenComparing(a -> a.kind() == ActionKind.SIGNATURE ? 0 : 1)
                        .thenComparing(Planned::line))
                .toList();
    }

    private List<RowPlan> plan(String treatyId, UntcTable.Table table, TreatyFacts facts) {
        LocalDate today = LocalDate.now(clock.withZone(EARLIEST_ZONE));
        Map<String, Long> seen = new HashMap<>();
        List<RowPlan> plans = new ArrayList<>();
        for (UntcTable.Row row : table.rows()) {
            RowPlan plan = new RowPlan(row);
            int index = plans.size();
            plans.add(plan);
            if (row.participant().isEmpty()) {
                plan.problems.add(new ImportReport.Problem("MISSING_PARTICIPANT", "The row names no participant."));
                continue;
            }
            Optional<String> code = registry.codeForName(row.participant());
            if (code.isEmpty()) {
                plan.problems.add(new ImportReport.Problem(
                        "UNKNOWN_PARTICIPANT",
                        "No State or organization named '" + row.participant() + "' is known to the ledger"
                                + " (names and aliases: participants.csv, participant-aliases.csv)."));
                continue;
            }
            plan.code = code.get();
            Long earlier = seen.putIfAbsent(plan.code, row.line());
            if (earlier != null) {
                plan.problems.add(new ImportReport.Problem(
                        "DUPLICATE_PARTICIPANT",
                        registry.nameOf(plan.code) + " already has a row (line " + earlier + ")."));
                continue;
            }
            Optional<UntcCell> signature = cell(plan, row.signature(), "signature");
            Optional<UntcCell> instrument = cell(plan, row.instrument(), "instrument");
            if (!plan.problems.isEmpty()) {
                continue;
            }
            if (signature.isPresent()) {
                UntcCell s = signature.get();
                if (s.letter().equals("s") && instrument.isEmpty()) {
                    instrument = Optional.of(s);
                } else if (s.letter().equals("d")) {
                    // a succession to its predecessor's signature
                    predecessor(plan)
                            .ifPresent(succession -> plan.actions.add(planned(
                                    index,
                                    row,
                                    facts,
                                    plan.code,
                                    ActionKind.SIGNATURE,
                                    s,
                                    null,
                                    succession.predecessor(),
                                    null)));
                } else if (!s.letter().isEmpty()) {
                    plan.problems.add(new ImportReport.Problem(
                            "INVALID_CELL",
                            "The signature column takes a date, or a date with 's' for a definitive signature"
                                    + " when the instrument column is empty; not '" + row.signature() + "'."));
                } else {
                    plan.actions.add(planned(index, row, facts, plan.code, ActionKind.SIGNATURE, s, null, null, null));
                }
            }
            if (instrument.isPresent()) {
                UntcCell i = instrument.get();
                InstrumentType type = i.instrumentType();
                String predecessor = null;
                LocalDate boundFrom = null;
                if (type == InstrumentType.SUCCESSION) {
                    var succession = predecessor(plan);
                    if (succession.isPresent()) {
                        predecessor = succession.get().predecessor();
                        boundFrom = succession.get().effectiveFrom();
                    }
                }
                plan.actions.add(
                        planned(index, row, facts, plan.code, ActionKind.INSTRUMENT, i, type, predecessor, boundFrom));
            }
            acknowledge(plan);
            for (Planned action : plan.actions) {
                if (action.existing() == null && action.date().isAfter(today)) {
                    plan.problems.add(new ImportReport.Problem(
                            "DATE_IN_FUTURE",
                            "The date " + action.date() + " is later than the day of recording, " + today + "."));
                }
            }
            if (plan.actions.isEmpty() && plan.problems.isEmpty()) {
                plan.problems.add(new ImportReport.Problem(
                        "EMPTY_ROW",
                        "The row of " + row.participant() + " has neither a signature nor an instrument."));
            }
        }
        return plans;
    }

    /** The State the row's participant succeeded, from participant-successions.csv; else a problem of the row. */
    private Optional<ParticipantRegistry.Succession> predecessor(RowPlan plan) {
        var succession = registry.successionOf(plan.code);
        if (succession.isEmpty()) {
            plan.problems.add(new ImportReport.Problem(
                    "PREDECESSOR_UNKNOWN",
                    "The table does not say which State " + registry.nameOf(plan.code)
                            + " succeeded, and participant-successions.csv does not list it; record this"
                            + " succession through the API (its 'predecessor' field)."));
        }
        return succession;
    }

    /** A line of the Irregularity column that starts an acknowledgement: "CODE: note". */
    private static final java.util.regex.Pattern ACKNOWLEDGEMENT =
            java.util.regex.Pattern.compile("([A-Z][A-Z_]*):[ \\t]*(.*)");

    /**
     * Reads the row's Irregularity cell ("CODE: note" per line; a line that does not start with a
     * code continues the note before it) and puts each acknowledgement on the action it is about: the
     * signature for a refusal about signatures ({@link TreatyRules#ABOUT_SIGNATURES}), else the
     * instrument (the signature where the row has no instrument). The treaty's rules then check that
     * each names a refusal they do raise.
     */
    private static void acknowledge(RowPlan plan) {
        if (plan.row.irregularity().isBlank()) {
            return;
        }
        List<String[]> entries = new ArrayList<>();
        for (String line : plan.row.irregularity().split("\\r?\\n")) {
            var m = ACKNOWLEDGEMENT.matcher(line.strip());
            if (m.matches()) {
                entries.add(new String[] {m.group(1), m.group(2).strip()});
            } else if (!entries.isEmpty()) {
                String[] last = entries.get(entries.size() - 1);
                last[1] = last[1] + "\n" + line;
            } else if (!line.isBlank()) {
                plan.problems.add(new ImportReport.Problem(
                        "INVALID_CELL",
                        "In the Irregularity column, each acknowledgement reads 'CODE: note', such as"
                                + " 'SIGNATORY_MUST_RATIFY: Recorded as deposited.'; not '" + line.strip() + "'."));
                return;
            }
        }
        for (String[] entry : entries) {
            Irregularity irregularity = new Irregularity(entry[0], entry[1].strip());
            Optional<Rejection> bound = Bounds.irregularity(irregularity);
            if (bound.isPresent()) {
                plan.problems.add(
                        new ImportReport.Problem(bound.get().code(), bound.get().message()));
                continue;
            }
            ActionKind about = TreatyRules.ABOUT_SIGNATURES.contains(irregularity.code())
                    ? ActionKind.SIGNATURE
                    : ActionKind.INSTRUMENT;
            int target = plan.actions.isEmpty() ? -1 : 0;
            for (int i = 0; i < plan.actions.size(); i++) {
                if (plan.actions.get(i).kind() == about) {
                    target = i;
                }
            }
            if (target < 0) {
                continue; // an empty row is reported as such
            }
            Planned action = plan.actions.get(target);
            if (action.irregularity() != null) {
                plan.problems.add(new ImportReport.Problem(
                        "INVALID_CELL",
                        "The Irregularity column acknowledges two irregularities of the same action; an action"
                                + " carries one."));
            } else {
                plan.actions.set(target, action.acknowledging(irregularity));
            }
        }
    }

    private static Optional<UntcCell> cell(RowPlan plan, String text, String column) {
        try {
            return UntcCell.parse(text);
        } catch (IllegalArgumentException e) {
            plan.problems.add(
                    new ImportReport.Problem("INVALID_CELL", "In the " + column + " column, " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Planned planned(
            int index,
            UntcTable.Row row,
            TreatyFacts facts,
            String code,
            ActionKind kind,
            UntcCell cell,
            InstrumentType type,
            String predecessor,
            LocalDate boundFrom) {
        String existing = facts.live(kind).stream()
                .filter(a -> a.participant().equals(code)
                        && a.date().equals(cell.date())
                        && (kind == ActionKind.SIGNATURE || a.instrumentType() == type))
                .map(Action::recordId)
                .findFirst()
                .orElse(null);
        String checkId = "import-line-" + row.line() + (kind == ActionKind.SIGNATURE ? "-signature" : "-instrument");
        return new Planned(index, row.line(), kind, cell.date(), type, predecessor, boundFrom, checkId, existing, null);
    }

    /**
     * Applies every new action to a copy of the treaty's facts, in legal-date order, and runs the
     * treaty's rules over the result: each violation goes to the row of the action it is about.
     */
    private List<ImportReport.Problem> check(
            String treatyId, TreatyFacts facts, TreatyFacts parent, List<RowPlan> plans) {
        Map<String, RowPlan> byCheckId = new HashMap<>();
        TreatyFacts candidate = facts.copy();
        for (Planned action : toRecord(plans)) {
            RowPlan plan = plans.get(action.row());
            TreatyEvent event = event(treatyId, plan.code, action);
            Optional<Rejection> bound = Bounds.record(facts.definition(), event);
            if (bound.isPresent()) {
                plan.problems.add(
                        new ImportReport.Problem(bound.get().code(), bound.get().message()));
                continue;
            }
            byCheckId.put(action.checkId(), plan);
            candidate.apply(event);
        }
        List<ImportReport.Problem> tableProblems = new ArrayList<>();
        for (TreatyRules.Violation violation : rules.violations(candidate, parent, byCheckId.keySet())) {
            ImportReport.Problem problem = new ImportReport.Problem(
                    violation.rejection().code(), violation.rejection().message());
            RowPlan plan = byCheckId.get(violation.recordId());
            if (plan == null) {
                tableProblems.add(problem);
            } else if (!plan.problems.contains(problem)) {
                plan.problems.add(problem);
            }
        }
        return tableProblems;
    }

    private static TreatyEvent event(String treatyId, String code, Planned action) {
        if (action.kind() == ActionKind.SIGNATURE) {
            return new ConventionSignedEvent(
                    treatyId, action.checkId(), code, action.date(), null, action.predecessor(), action.irregularity());
        }
        return new InstrumentDepositedEvent(
                treatyId,
                action.checkId(),
                code,
                action.type(),
                action.date(),
                List.of(),
                List.of(),
                action.predecessor(),
                action.boundFrom(),
                action.irregularity());
    }

    private ImportReport report(
            String treatyId,
            boolean dryRun,
            String source,
            UntcTable.Table table,
            List<ImportReport.Problem> tableProblems,
            List<RowPlan> plans,
            Map<Planned, String> recorded,
            int problems) {
        int toRecord = 0;
        int already = 0;
        List<ImportReport.RowReport> rows = new ArrayList<>();
        for (RowPlan plan : plans) {
            List<ImportReport.ActionReport> actions = new ArrayList<>();
            for (Planned action : plan.actions) {
                String outcome;
                String recordId;
                if (action.existing() != null) {
                    already++;
                    outcome = "ALREADY_RECORDED";
                    recordId = action.existing();
                } else {
                    toRecord++;
                    recordId = recorded.get(action);
                    outcome = dryRun ? "WOULD_RECORD" : recordId != null ? "RECORDED" : "NOT_RECORDED";
                }
                actions.add(new ImportReport.ActionReport(
                        action.kind().name(),
                        action.date(),
                        action.type() == null ? null : action.type().name(),
                        action.type() != null ? action.type().letter() : action.predecessor() != null ? "d" : null,
                        outcome,
                        recordId));
            }
            rows.add(new ImportReport.RowReport(
                    plan.row.line(),
                    plan.row.participant(),
                    plan.code,
                    List.copyOf(actions),
                    plan.problems.isEmpty() ? null : List.copyOf(plan.problems)));
        }
        return new ImportReport(
                treatyId,
                dryRun,
                source,
                plans.size(),
                toRecord,
                already,
                recorded.size(),
                problems,
                table.ignoredColumns(),
                tableProblems.isEmpty() ? null : List.copyOf(tableProblems),
                List.copyOf(rows));
    }

    private static Rejection rejection(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedException r) {
                return r.rejection();
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return Rejection.conflict("RECORDING_FAILED", end < 0 ? message : message.substring(0, end));
    }
}
