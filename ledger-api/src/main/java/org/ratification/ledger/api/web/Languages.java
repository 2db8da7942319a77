package org.ratification.ledger.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.ratification.ledger.core.rules.Rejection;

/**
 * The two languages of the public face, English and French: chosen by {@code ?lang=} (which must be
 * {@code en} or {@code fr}), else by the request's {@code Accept-Language}, else English. The page
 * texts come from the {@code messages/pages} bundles.
 */
final class Languages {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Map<Locale, Map<String, String>> PAGES = new LinkedHashMap<>();

    private Languages() {}

    /** The language of a request; 400 INVALID_LANGUAGE for a {@code lang} other than en or fr. */
    static Locale of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            String code = lang.trim().toLowerCase(Locale.ROOT);
            return SUPPORTED.stream()
                    .filter(l -> l.getLanguage().equals(code))
                    .findFirst()
                    .orElseThrow(() -> Rejection.invalid("INVALID_LANGUAGE", "'lang' must be 'en' or 'fr'.")
                            .exception());
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header chooses nothing: English
            }
        }
        return Locale.ENGLISH;
    }

    static boolean french(Locale locale) {
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage());
    }

    /** Every text of the public pages in {@code locale}, sorted by key. */
    static synchronized Map<String, String> pages(Locale locale) {
        return PAGES.computeIfAbsent(locale, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    "messages.pages",
                    l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new TreeMap<>();
            bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
            return java.util.Collections.unmodifiableMap(texts);
        });
    }
}
