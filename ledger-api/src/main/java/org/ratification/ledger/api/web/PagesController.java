package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public pages' deep links: every page is the one HTML document, which reads its path (and
 * {@code /fr/} for French) and renders the treaty, State or notifications page in the browser.
 */
@Controller
@Tag(name = "Public pages", description = "One request per page of the public site")
class PagesController {

    @GetMapping({
        "/treaties/{treatyId}",
        "/participants/{code}",
        "/notifications",
        "/fr",
        "/fr/",
        "/fr/treaties/{treatyId}",
        "/fr/participants/{code}",
        "/fr/notifications"
    })
    @Operation(
            summary = "A public page (HTML)",
            description = "The treaty, State and notifications pages, in English or under /fr/ in French: the one"
                    + " HTML document, which renders the page named by the path.")
    String page() {
        return "forward:/index.html";
    }
}
