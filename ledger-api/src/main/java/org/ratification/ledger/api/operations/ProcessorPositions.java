package org.ratification.ledger.api.operations;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the event processors stand, read from token_entry, so that every node sees every
 * processor's position whichever node claims its segments: the head of the store, each segment's
 * token.
 */
@Component
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorPositions(DataSource dataSource, Serializer serializer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
    }

    /** The global index of the newest event in the store; 0 when the store is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The names of the processors that have tokens. */
    public Set<String> processors() {
        return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT processor_name FROM token_entry", String.class));
    }

    public List<Segment> segments(String processor) {
        return jdbc.query(
                "SELECT segment, owner, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, row) -> new Segment(
                        rs.getInt("segment"),
                        rs.getString("owner"),
                        token(rs.getBytes("token"), rs.getString("token_type"))),
                processor);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    /** One segment's claim and token; a null token means the segment has handled nothing yet. */
    public record Segment(int segment, String owner, TrackingToken token) {

        /** The global index up to which this segment has handled the stream (its lower bound). */
        public OptionalLong position() {
            TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
            return lowerBound == null ? OptionalLong.empty() : lowerBound.position();
        }

        /**
         * Whether this segment is replaying and has not yet reached the position it was reset at.
         * (Axon keeps the replay token until the first event past that position arrives.)
         */
        public boolean replaying() {
            if (token == null || !ReplayToken.isReplay(token)) {
                return false;
            }
            OptionalLong resetAt = ReplayToken.getTokenAtReset(token);
            return resetAt.isEmpty() || position().orElse(-1) < resetAt.getAsLong();
        }
    }
}
