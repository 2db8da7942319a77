package org.ratification.ledger.api.web;

/**
 * One line of the NDJSON history export, byte for byte what was recorded. Every text accepted today
 * is well-formed Unicode and is written as UTF-8 as is; a store written before ill-formed texts were
 * refused may still hold a lone UTF-16 surrogate, which UTF-8 cannot encode (a writer would put
 * {@code ?} in its place and the offline verifier would then see another text). Such a surrogate
 * can only stand inside a JSON string, so it is written as its {@code \\uXXXX} escape, which a JSON
 * reader turns back into the very same string.
 */
final class ExportLines {

    private ExportLines() {}

    static String exact(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean lone;
            if (Character.isHighSurrogate(c)) {
                lone = i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1));
                if (!lone) {
                    if (out != null) {
                        out.append(c).append(json.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                lone = Character.isLowSurrogate(c);
            }
            if (lone && out == null) {
                out = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (lone) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
