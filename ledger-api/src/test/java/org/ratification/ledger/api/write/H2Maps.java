package org.ratification.ledger.api.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVDelegateIndex;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.table.Table;

/**
 * The MVStore maps of an H2 database's tables and indexes, and which of them a transaction wrote. H2
 * keeps a table's rows in one map (keyed by its primary key when that is one BIGINT or INT column,
 * else by a hidden row id, the primary key then being one more map) and each other index in a map of
 * its own; a commit writes every page that changed in every map (bench/RESULTS.md §0h).
 */
final class H2Maps {

    private H2Maps() {}

    /** The root page of every table's and index's map now, by map. */
    record Roots(Map<MVMap<?, ?>, Object> pages, Map<MVMap<?, ?>, String> names) {

        /** The maps whose root page is not the same as in {@code before}: "TABLE" for rows, indexes by {@link #name}. */
        Set<String> changedSince(Roots before) {
            Set<String> changed = new TreeSet<>();
            pages.forEach((map, page) -> {
                if (before.pages().get(map) != page) {
                    changed.add(names.get(map));
                }
            });
            return changed;
        }
    }

    /** An index's map by what it indexes: "TABLE(COLUMN,…)", "TABLE PRIMARY KEY(…)", "TABLE UNIQUE(…)". */
    private static String name(Table table, Index index) {
        String kind = index.getIndexType().isPrimaryKey()
                ? " PRIMARY KEY"
                : index.getIndexType().isUnique() ? " UNIQUE" : "";
        return table.getName() + kind + "("
                + String.join(
                        ",",
                        java.util.Arrays.stream(index.getIndexColumns())
                                .map(c -> c.column.getName())
                                .toList())
                + ")";
    }

    static Roots roots(Connection connection) {
        try {
            SessionLocal session =
                    (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            Map<MVMap<?, ?>, Object> pages = new IdentityHashMap<>();
            Map<MVMap<?, ?>, String> names = new IdentityHashMap<>();
            for (Table table : session.getDatabase().getAllTablesAndViews()) {
                if (!(table instanceof MVTable mvTable)
                        || table.getSchema().getName().equals("INFORMATION_SCHEMA")) {
                    continue;
                }
                for (Index index : mvTable.getIndexes()) {
                    if (index instanceof MVIndex<?, ?> mvIndex && !(index instanceof MVDelegateIndex)) {
                        MVMap<?, ?> map = mvIndex.getMVMap();
                        names.putIfAbsent(map, index instanceof MVPrimaryIndex ? table.getName() : name(table, index));
                        pages.putIfAbsent(map, map.getRootPage());
                    }
                }
            }
            return new Roots(pages, names);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
