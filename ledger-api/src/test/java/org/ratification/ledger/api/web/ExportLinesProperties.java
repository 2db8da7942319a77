package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A line of the NDJSON export is exactly what was recorded, whatever the string: written as UTF-8
 * and read back (strictly), the JSON holds the same UTF-16 string, lone surrogates of stores written
 * before they were refused included (issue 12 §3: they used to come out as '?').
 */
class ExportLinesProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<String> anyUtf16() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\uffff')
                .ofMaxLength(60)
                .edgeCases(edges -> edges.add("lone \ud800").add("\udc00\ud800").add("𝄞\ud834"));
    }

    @Property(tries = 500)
    void aLineReadBackHoldsTheSameString(@ForAll("anyUtf16") String text) throws Exception {
        String json = JSON.writeValueAsString(Map.of("text", text));
        byte[] bytes = ExportLines.exact(json).getBytes(StandardCharsets.UTF_8);
        String decoded = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        assertThat(JSON.readTree(decoded).get("text").asText()).isEqualTo(text);
    }

    @Property(tries = 200)
    void aWellFormedLineIsLeftAsItIs(@ForAll("anyUtf16") String text) throws Exception {
        String json = JSON.writeValueAsString(Map.of("text", text));
        if (org.ratification.ledger.core.rules.Bounds.wellFormed(text)) {
            assertThat(ExportLines.exact(json)).isSameAs(json);
        }
    }
}
