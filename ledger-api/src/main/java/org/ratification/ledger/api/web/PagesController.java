package org.ratification.ledger.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public pages' deep links: every page is the one HTML document, which reads its path (and
 * {@code /fr/} for French) and renders the treaty, State or notifications page in the browser.
 */
@Controller
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
    String page() {
        return "forward:/index.html";
    }
}
