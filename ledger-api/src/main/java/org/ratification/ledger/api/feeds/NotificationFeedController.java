package org.ratification.ledger.api.feeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.projections.notifications.NotificationQueries;
import org.ratification.ledger.projections.notifications.NotificationView;
import org.ratification.ledger.projections.status.StatusQueries;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The depositary notifications as Atom feeds (RFC 4287): all treaties, or one. Entry ids are
 * name-based {@code urn:uuid:} URNs of the notification's record id, so an entry keeps its id
 * across rebuilds of the read model; the feed's {@code updated} is the newest entry's recording
 * instant. At most {@link #MAX_ENTRIES} entries, the newest first.
 */
@RestController
@Tag(name = "Feeds", description = "Atom feeds of the depositary notifications")
class NotificationFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final int MAX_ENTRIES = 100;
    private static final String NS = "http://www.w3.org/2005/Atom";

    private final NotificationQueries notifications;
    private final StatusQueries status;
    private final Clock clock;

    NotificationFeedController(NotificationQueries notifications, StatusQueries status, Clock clock) {
        this.notifications = notifications;
        this.status = status;
        this.clock = clock;
    }

    @GetMapping("/feeds/notifications.atom")
    @Operation(summary = "Atom feed of the depositary notifications of every treaty, the newest first")
    ResponseEntity<String> all(
            @Parameter(description = "fr for the French texts", example = "fr") @RequestParam(required = false)
                    String lang) {
        boolean french = french(lang);
        return feed(
                "feed:notifications" + (french ? ":fr" : ""),
                french ? "Notifications dépositaires" : "Depositary notifications",
                (french ? "/fr" : "") + "/notifications",
                "/feeds/notifications.atom" + (french ? "?lang=fr" : ""),
                french,
                notifications.search(null, null, null, null, MAX_ENTRIES, french));
    }

    @GetMapping("/feeds/treaties/{treatyId}/notifications.atom")
    @Operation(summary = "Atom feed of one treaty's depositary notifications, the newest first")
    ResponseEntity<String> treaty(
            @Parameter(description = "The treaty's id", example = "cybercrime") @PathVariable String treatyId,
            @Parameter(description = "fr for the French texts", example = "fr") @RequestParam(required = false)
                    String lang) {
        boolean french = french(lang);
        var treaty = status.status(treatyId, LocalDate.now(clock))
                .orElseThrow(() -> Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.")
                        .exception())
                .treaty();
        String title = notifications
                .definition(treatyId)
                .map(d -> d.shortTitleIn(french))
                .orElse(treaty.title());
        String path = UriUtils.encodePathSegment(treatyId, StandardCharsets.UTF_8);
        return feed(
                "feed:treaty:" + treatyId + (french ? ":fr" : ""),
                (french ? "Notifications dépositaires : " : "Depositary notifications: ") + title + " ("
                        + treaty.reference() + ")",
                (french ? "/fr" : "") + "/notifications?treaty=" + path,
                "/feeds/treaties/" + path + "/notifications.atom" + (french ? "?lang=fr" : ""),
                french,
                notifications.search(treatyId, null, null, null, MAX_ENTRIES, french));
    }

    private ResponseEntity<String> feed(
            String name, String title, String page, String self, boolean french, List<NotificationView> entries) {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Instant updated = entries.stream()
                .map(NotificationFeedController::recorded)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", french ? "fr" : "en");
            element(xml, "id", urn(name));
            element(xml, "title", title);
            element(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            element(xml, "name", "Depositary (Ratification Ledger)");
            xml.writeEndElement();
            link(xml, "self", base + self, "application/atom+xml");
            link(xml, "alternate", base + page, "text/html");
            for (NotificationView n : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", urn("notification:" + n.recordId()));
                element(xml, "title", n.reference() + " " + n.subject());
                element(xml, "updated", recorded(n).toString());
                link(
                        xml,
                        "alternate",
                        base + "/notifications?treaty="
                                + UriUtils.encodeQueryParam(n.treatyId(), StandardCharsets.UTF_8) + "#"
                                + UriUtils.encodeFragment(n.reference(), StandardCharsets.UTF_8),
                        "text/html");
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", n.action());
                element(xml, "summary", n.subject() + " (" + n.legalDate() + ")");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(
                        n.text() + (n.headHash() == null ? "" : "\n\nHead hash of the record: " + n.headHash()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the feed", e);
        }
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.noCache())
                .body(out.toString());
    }

    /** French for 'lang=fr', English for none or 'en'; 400 INVALID_LANGUAGE otherwise. */
    private static boolean french(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("en")) {
            return false;
        }
        if (lang.equalsIgnoreCase("fr")) {
            return true;
        }
        throw Rejection.invalid("INVALID_LANGUAGE", "'lang' must be 'en' or 'fr'.")
                .exception();
    }

    /** The instant a notification was recorded, to the second (RFC 3339); the epoch if unreadable. */
    static Instant recorded(NotificationView n) {
        try {
            return n.recordedAt() == null
                    ? Instant.EPOCH
                    : Instant.parse(n.recordedAt()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("ratification-ledger:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
