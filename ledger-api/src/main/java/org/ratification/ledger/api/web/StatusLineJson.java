package org.ratification.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.List;
import org.ratification.ledger.core.api.TreatyStatusView;
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
 * A treaty's status line as JSON, written once per line object. {@code StatusQueries.line} answers
 * the same {@link TreatyStatusView} object for as long as the treaty's version and the legal date
 * are the same, so the rendering is keyed by that object's identity (Caffeine's weak keys compare by
 * identity), never by its contents: a new record makes a new line object and a new rendering. A
 * line that was not rendered here (time travel) is written by the same mapper, as Jackson's
 * converter would write it. Kept in Caffeine, weighed by the bytes of each rendering and bounded by
 * {@link #MAX_BYTES}.
 */
@Component
class StatusLineJson {

    /** 8 MB, or a sixty-fourth of a smaller heap (a line is about 1 KB). */
    static final long MAX_BYTES =
            Math.min(8L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 64);

    private final ObjectMapper json;
    private final Cache<TreatyStatusView, byte[]> renderings;

    @Autowired
    StatusLineJson(ObjectMapper json) {
        this(json, MAX_BYTES);
    }

    StatusLineJson(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.renderings = Caffeine.newBuilder()
                .weakKeys()
                .maximumWeight(maxBytes)
                .<TreatyStatusView, byte[]>weigher((line, rendering) -> rendering.length)
                .executor(Runnable::run)
                .build();
    }

    /** {@code line}, with its JSON written once and kept for {@link Converter}. */
    TreatyStatusView render(TreatyStatusView line) {
        renderings.get(line, this::write);
        return line;
    }

    /** The JSON of {@code line}: the kept rendering, or written now. */
    byte[] json(TreatyStatusView line) {
        byte[] kept = renderings.getIfPresent(line);
        return kept != null ? kept : write(line);
    }

    /** The bytes of the renderings kept now, after any pending eviction. */
    long keptBytes() {
        renderings.cleanUp();
        return renderings.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private byte[] write(TreatyStatusView line) {
        try {
            return json.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the status line", e);
        }
    }

    /**
     * Writes a {@link TreatyStatusView} from its kept JSON. Registered before Jackson's converter;
     * the endpoints keep their declared type, so the API description is unchanged.
     */
    static final class Converter extends AbstractHttpMessageConverter<TreatyStatusView> {

        private final StatusLineJson lines;

        Converter(StatusLineJson lines) {
            super(MediaType.APPLICATION_JSON);
            this.lines = lines;
        }

        @Override
        protected boolean supports(Class<?> type) {
            return TreatyStatusView.class == type;
        }

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return false;
        }

        @Override
        protected TreatyStatusView readInternal(Class<? extends TreatyStatusView> type, HttpInputMessage input) {
            throw new UnsupportedOperationException("a status line is only written");
        }

        @Override
        protected void writeInternal(TreatyStatusView line, HttpOutputMessage output) throws IOException {
            output.getBody().write(lines.json(line));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConverterRegistration implements WebMvcConfigurer {

        private final StatusLineJson lines;

        ConverterRegistration(StatusLineJson lines) {
            this.lines = lines;
        }

        @Override
        public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
            converters.add(0, new Converter(lines));
        }
    }
}
