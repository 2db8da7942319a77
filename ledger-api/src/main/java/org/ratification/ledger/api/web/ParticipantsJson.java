package org.ratification.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The participants table as JSON, written once per computed status. {@code StatusQueries} hands out
 * the same {@link StatusCalculator.Status} object for as long as the treaty's version and the legal
 * date are the same, so the rendering is keyed by that object's identity (never by its contents):
 * a new record makes a new status object and therefore a new rendering. The table of a convention
 * open to all States is about 84 KB of JSON; writing it took most of a participants read.
 * Kept in Caffeine, weighed by the bytes of each rendering and bounded by {@link #MAX_BYTES}.
 */
@Component
class ParticipantsJson {

    /** 32 MB, or a sixteenth of a smaller heap. */
    static final long MAX_BYTES =
            Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 16);

    private final ObjectMapper json;
    private final Cache<Key, byte[]> renderings;

    @Autowired
    ParticipantsJson(ObjectMapper json) {
        this(json, MAX_BYTES);
    }

    ParticipantsJson(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.renderings = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Key, byte[]>weigher((key, rendering) -> rendering.length)
                .build();
    }

    /**
     * The rows of {@code status} (only those with {@code filter}, if given), carrying their JSON,
     * which {@link Converter} writes as it is.
     */
    Rendered render(StatusCalculator.Status status, ParticipantStatus filter) {
        List<ParticipantView> rows = rows(status, filter);
        return new Rendered(rows, json(status, filter, rows));
    }

    /** The JSON array of the rows, written once per status object and filter. */
    byte[] json(StatusCalculator.Status status, ParticipantStatus filter, List<ParticipantView> rows) {
        return renderings.get(new Key(status, filter), key -> write(rows));
    }

    /** The bytes of the renderings kept now, after any pending eviction. */
    long keptBytes() {
        renderings.cleanUp();
        return renderings.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** The rows of a rendering, with the JSON written once for them. */
    static final class Rendered extends AbstractList<ParticipantView> {

        private final List<ParticipantView> rows;
        private final byte[] json;

        Rendered(List<ParticipantView> rows, byte[] json) {
            this.rows = rows;
            this.json = json;
        }

        @Override
        public ParticipantView get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }

        byte[] json() {
            return json;
        }
    }

    /**
     * Writes a {@link Rendered} table's JSON as it is. Registered before Jackson's converter; the
     * endpoint keeps its declared type (a list of rows), so the API description is unchanged.
     */
    static final class Converter extends AbstractHttpMessageConverter<Rendered> {

        Converter() {
            super(MediaType.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return Rendered.class.isAssignableFrom(type);
        }

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return false;
        }

        @Override
        protected Rendered readInternal(Class<? extends Rendered> type, HttpInputMessage input) {
            throw new UnsupportedOperationException("a rendered table is only written");
        }

        @Override
        protected void writeInternal(Rendered table, HttpOutputMessage output) throws IOException {
            output.getBody().write(table.json());
        }

        @Override
        protected Long getContentLength(Rendered table, MediaType contentType) {
            return (long) table.json().length;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConverterRegistration implements WebMvcConfigurer {

        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            converters.add(0, new Converter());
        }
    }

    static List<ParticipantView> rows(StatusCalculator.Status status, ParticipantStatus filter) {
        return status.participants().stream()
                .filter(p -> filter == null || p.status() == filter)
                .toList();
    }

    private byte[] write(List<ParticipantView> rows) {
        try {
            return json.writeValueAsBytes(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the participants table", e);
        }
    }

    /** A status object by identity, with the filter. */
    private static final class Key {

        private final StatusCalculator.Status status;
        private final ParticipantStatus filter;

        Key(StatusCalculator.Status status, ParticipantStatus filter) {
            this.status = status;
            this.filter = filter;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.status == status && key.filter == filter;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(status) * 31 + Objects.hashCode(filter);
        }
    }
}
