package org.ratification.ledger.core.participants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The participants known to the ledger, read once from {@code participants.csv}. */
public final class ParticipantRegistry {

    private static final ParticipantRegistry STANDARD = load();

    private final Map<String, Participant> byCode;
    private final Map<String, String> frenchNames;
    private final Map<String, String> codesByName;
    private final Map<String, Succession> successions;

    /**
     * A successor State's succession as published tables imply it: its predecessor (a registry code)
     * and the date of succession, from which its notifications of succession take effect.
     */
    public record Succession(String predecessor, LocalDate effectiveFrom) {}

    private ParticipantRegistry(
            Map<String, Participant> byCode,
            Map<String, String> frenchNames,
            Map<String, String> aliases,
            Map<String, Succession> successions) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.frenchNames = Collections.unmodifiableMap(frenchNames);
        Map<String, String> names = new HashMap<>();
        byCode.values().forEach(p -> names.put(normalizedName(p.name()), p.code()));
        frenchNames.forEach((code, name) -> names.putIfAbsent(normalizedName(name), code));
        aliases.forEach((alias, code) -> names.putIfAbsent(normalizedName(alias), code));
        this.codesByName = Collections.unmodifiableMap(names);
        this.successions = Collections.unmodifiableMap(successions);
    }

    /** The registry shipped with the ledger: UN Member States, observers, Cook Islands, Niue, EU, former States. */
    public static ParticipantRegistry standard() {
        return STANDARD;
    }

    public Optional<Participant> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    public boolean isReio(String code) {
        return find(code).map(Participant::isReio).orElse(false);
    }

    /** The member States of a REIO; empty for a State or an unknown code. */
    public Set<String> membersOf(String code) {
        return find(code).map(Participant::members).orElse(Set.of());
    }

    public String nameOf(String code) {
        return find(code).map(Participant::name).orElse(code);
    }

    /** The French short name (UNTERM) of a participant, else its English name, else its code. */
    public String frenchNameOf(String code) {
        String french = frenchNames.get(code);
        return french != null ? french : nameOf(code);
    }

    /**
     * The code of the participant a published status table names: its UN short name, its French
     * name, or an alias of {@code participant-aliases.csv} (former and older spellings such as
     * Swaziland, Turkey, Cape Verde, St. Lucia, Czech Republic), matched without regard to case,
     * accents, apostrophe style and spacing, and without the footnote numbers tables append
     * ("Germany2,3"). A registry code itself ("DEU") is accepted too.
     */
    public Optional<String> codeForName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        if (byCode.containsKey(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(codesByName.get(normalizedName(trimmed)));
    }

    /** The succession of a successor State listed in {@code participant-successions.csv}, if any. */
    public Optional<Succession> successionOf(String code) {
        return Optional.ofNullable(code == null ? null : successions.get(code));
    }

    /**
     * A participant's name as compared: footnote numbers at the end removed ("Germany2,3",
     * "France 4"), accents dropped, typographic apostrophes made plain, spaces collapsed, lower case.
     */
    public static String normalizedName(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('`', '\'')
                .replaceAll("\\s+", " ")
                .strip();
        String withoutFootnotes = plain.replaceAll("(?<=[\\p{L}).])[\\s\\d,*]+$", "");
        return withoutFootnotes.toLowerCase(java.util.Locale.ROOT);
    }

    /** The participants that exist today (former States aside). */
    public Collection<Participant> all() {
        return byCode.values().stream().filter(p -> !p.isFormer()).toList();
    }

    /** Former States (ISO 3166-3), whose instruments count for the treaties of their time. */
    public Collection<Participant> former() {
        return byCode.values().stream().filter(Participant::isFormer).toList();
    }

    /** Whether {@code code} existed on {@code date}; true for an unknown code (refused elsewhere). */
    public boolean existedOn(String code, LocalDate date) {
        return find(code).map(p -> p.existedOn(date)).orElse(true);
    }

    private static ParticipantRegistry load() {
        try (InputStream in = ParticipantRegistry.class.getResourceAsStream("participants.csv")) {
            if (in == null) {
                throw new IllegalStateException("participants.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line = reader.readLine(); // header: code,name,kind,unMember,memberOf,existedFrom,existedUntil,nameFr
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            Map<String, Set<String>> members = new HashMap<>();
            for (String[] row : rows) {
                for (String reio : memberships(row)) {
                    members.computeIfAbsent(reio, r -> new LinkedHashSet<>()).add(row[0]);
                }
            }
            Map<String, Participant> byCode = new LinkedHashMap<>();
            Map<String, String> frenchNames = new HashMap<>();
            for (String[] row : rows) {
                if (row.length > 7 && !row[7].isBlank()) {
                    frenchNames.put(row[0], row[7]);
                }
                Participant.Kind kind = Participant.Kind.valueOf(row[2]);
                byCode.put(
                        row[0],
                        new Participant(
                                row[0],
                                row[1],
                                kind,
                                memberships(row),
                                Set.copyOf(members.getOrDefault(row[0], Set.of())),
                                date(row, 5),
                                date(row, 6)));
            }
            return new ParticipantRegistry(byCode, frenchNames, aliases(byCode), successions(byCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code participant-aliases.csv}: alias, code (the alias may be quoted; the code has no comma). */
    private static Map<String, String> aliases(Map<String, Participant> byCode) throws IOException {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String line : dataLines("participant-aliases.csv")) {
            int comma = line.lastIndexOf(',');
            String alias = line.substring(0, comma).strip();
            if (alias.length() > 1 && alias.startsWith("\"") && alias.endsWith("\"")) {
                alias = alias.substring(1, alias.length() - 1).replace("\"\"", "\"");
            }
            String code = line.substring(comma + 1).strip();
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException("participant-aliases.csv names an unknown code: " + line);
            }
            aliases.put(alias, code);
        }
        return aliases;
    }

    /** {@code participant-successions.csv}: successor, predecessor, date of succession. */
    private static Map<String, Succession> successions(Map<String, Participant> byCode) throws IOException {
        Map<String, Succession> successions = new HashMap<>();
        for (String line : dataLines("participant-successions.csv")) {
            String[] row = line.split(",", -1);
            if (!byCode.containsKey(row[0]) || !byCode.containsKey(row[1])) {
                throw new IllegalStateException("participant-successions.csv names an unknown code: " + line);
            }
            successions.put(row[0], new Succession(row[1], LocalDate.parse(row[2].strip())));
        }
        return successions;
    }

    /** The data lines of a registry file: without comments ({@code #}), blank lines and the header. */
    private static List<String> dataLines(String file) throws IOException {
        try (InputStream in = ParticipantRegistry.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            return lines.isEmpty() ? lines : lines.subList(1, lines.size());
        }
    }

    private static LocalDate date(String[] row, int column) {
        return row.length > column && !row[column].isBlank() ? LocalDate.parse(row[column]) : null;
    }

    private static Set<String> memberships(String[] row) {
        return row.length > 4 && !row[4].isBlank() ? Set.of(row[4].split(";")) : Set.of();
    }
}
