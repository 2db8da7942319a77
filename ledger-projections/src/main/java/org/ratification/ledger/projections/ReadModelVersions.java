package org.ratification.ledger.projections;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code read_model_version}: the version each read model was last built with. */
@Repository
public class ReadModelVersions {

    private final JdbcTemplate jdbc;

    public ReadModelVersions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Integer> stored(String name) {
        return jdbc.queryForList("SELECT version FROM read_model_version WHERE name = ?", Integer.class, name).stream()
                .findFirst();
    }

    public Map<String, Integer> all() {
        Map<String, Integer> versions = new TreeMap<>();
        jdbc.query("SELECT name, version FROM read_model_version", rs -> {
            versions.put(rs.getString("name"), rs.getInt("version"));
        });
        return versions;
    }

    public void store(String name, int version) {
        if (jdbc.update("UPDATE read_model_version SET version = ? WHERE name = ?", version, name) == 0) {
            jdbc.update("INSERT INTO read_model_version (name, version) VALUES (?, ?)", name, version);
        }
    }
}
