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

    private ParticipantRegistry(Map<String, Participant> byCode, Map<String, String> frenchNames) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.frenchNames = Collections.unmodifiableMap(frenchNames);
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
            return new ParticipantRegistry(byCode, frenchNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String[] row, int column) {
        return row.length > column && !row[column].isBlank() ? LocalDate.parse(row[column]) : null;
    }

    private static Set<String> memberships(String[] row) {
        return row.length > 4 && !row[4].isBlank() ? Set.of(row[4].split(";")) : Set.of();
    }
}
