package org.ratification.ledger.api.operations;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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
 * token, and whether an event at a global index has been handled.
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

    /** The global index of the newest event of one aggregate (a treaty); 0 when it has none. */
    public long headOf(String aggregateIdentifier) {
        Long head = jdbc.queryForObject(
                "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                aggregateIdentifier);
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

    /**
     * Whether the processor has handled the event at {@code globalIndex} of the aggregate
     * {@code aggregateIdentifier}: asks the segment that handles that aggregate (processors keep
     * the events of one aggregate in order, on one segment). Other segments store their position
     * lazily when they have nothing to handle, so their tokens may lag a few seconds.
     */
    public boolean covers(String processor, String aggregateIdentifier, long globalIndex) {
        List<Segment> segments = segments(processor);
        if (segments.isEmpty()) {
            return false;
        }
        org.axonframework.eventhandling.Segment[] masks = org.axonframework.eventhandling.Segment.computeSegments(
                segments.stream().mapToInt(Segment::segment).toArray());
        for (int i = 0; i < masks.length; i++) {
            if (masks[i].matches(aggregateIdentifier)) {
                int id = masks[i].getSegmentId();
                return segments.stream().filter(s -> s.segment() == id).anyMatch(s -> s.covers(globalIndex));
            }
        }
        return false;
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

        public boolean covers(long globalIndex) {
            TrackingToken lowerBound = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lowerBound instanceof GapAwareTrackingToken gapAware) {
                return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
            }
            return lowerBound != null && lowerBound.position().orElse(-1) >= globalIndex;
        }
    }
}
