package org.ratification.ledger.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one run: a Markdown table and the same data as JSON. */
final class Report {

    enum Verdict {
        MET("met"),
        MISSED("**missed**"),
        INFO("(info)"),
        NOT_AVAILABLE("not available");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * One line of the table.
     *
     * @param scenario the scenario number and name
     * @param metric what was measured
     * @param unit of ledger and baseline values
     * @param ledger the ledger's value over the repetitions
     * @param baselineName the baseline measured in the same run, if any
     * @param baseline its value over the repetitions
     * @param ratio ledger median divided by baseline median (null if there is no baseline)
     * @param target the target, in words
     * @param verdict whether it was met
     * @param note anything a reader needs to judge the line
     */
    record Row(
            String scenario,
            String metric,
            String unit,
            Summary ledger,
            String baselineName,
            Summary baseline,
            Double ratio,
            String target,
            Verdict verdict,
            String note) {}

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void run(String key, Object value) {
        run.put(key, value);
    }

    void note(String text) {
        notes.add(text);
        Log.info("note: %s", text);
    }

    Row add(Row row) {
        rows.add(row);
        Log.info(
                "RESULT %s | %s: %s %s%s -> %s",
                row.scenario(),
                row.metric(),
                format(row.ledger()),
                row.unit(),
                row.baseline() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " vs %s %s (ratio %s)",
                                row.baselineName(),
                                format(row.baseline()),
                                row.ratio() == null ? "-" : ratioText(row.ratio())),
                row.verdict().text);
        return row;
    }

    /** A line with no value: the scenario could not run here, and why. */
    void notAvailable(String scenario, String metric, String why) {
        add(new Row(scenario, metric, "", null, null, null, null, "", Verdict.NOT_AVAILABLE, why));
    }

    static Double ratio(Summary ledger, Summary baseline) {
        if (ledger == null
                || baseline == null
                || ledger.isMissing()
                || baseline.isMissing()
                || baseline.median() == 0) {
            return null;
        }
        return ledger.median() / baseline.median();
    }

    static String format(Summary s) {
        if (s == null || s.isMissing()) {
            return "–";
        }
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    /** A ratio with two significant digits below 1 (0.0042), two decimals above. */
    static String ratioText(double ratio) {
        if (ratio >= 1 || ratio == 0) {
            return String.format(Locale.ROOT, "%.2f", ratio);
        }
        return new java.math.BigDecimal(ratio)
                .round(new java.math.MathContext(2))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run ").append(run.get("startedAt")).append('\n').append('\n');
        for (var e : run.entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        md.append('\n');
        md.append("Values: median of ")
                .append(run.get("repetitions"))
                .append(" measured repetitions after a warm-up, (min–max) in brackets.\n\n");
        md.append("| scenario | metric | ledger | baseline | ratio | target | result |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.scenario())
                    .append(" | ")
                    .append(r.metric())
                    .append(" | ")
                    .append(r.ledger() == null ? "–" : format(r.ledger()) + " " + r.unit())
                    .append(" | ")
                    .append(
                            r.baseline() == null
                                    ? "–"
                                    : r.baselineName() + ": " + format(r.baseline()) + " " + r.unit())
                    .append(" | ")
                    .append(r.ratio() == null ? "–" : ratioText(r.ratio()))
                    .append(" | ")
                    .append(r.target())
                    .append(" | ")
                    .append(r.verdict().text)
                    .append(r.note() == null || r.note().isBlank() ? "" : ": " + r.note())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            for (String n : notes) {
                md.append("- ").append(n).append('\n');
            }
        }
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("results", rows);
        json.put("notes", notes);
        return json;
    }

    /** Writes {@code <prefix>.md} and {@code <prefix>.json}, and the same as {@code latest-<db>-<mode>.*}. */
    List<Path> write(Path directory, String prefix, String latest) throws IOException {
        Files.createDirectories(directory);
        String md = markdown();
        byte[] json = LedgerClient.JSON
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(json());
        List<Path> written = new ArrayList<>();
        for (String name : List.of(prefix, latest)) {
            Path m = directory.resolve(name + ".md");
            Path j = directory.resolve(name + ".json");
            Files.writeString(m, md);
            Files.write(j, json);
            written.add(m);
            written.add(j);
        }
        return written;
    }
}
