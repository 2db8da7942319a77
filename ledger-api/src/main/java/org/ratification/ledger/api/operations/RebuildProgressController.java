package org.ratification.ledger.api.operations;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of rebuilds: each read model's position, head, percentage and speed. */
@RestController
class RebuildProgressController {

    private final RebuildProgress progress;

    RebuildProgressController(RebuildProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/admin/rebuild/progress")
    List<ProcessorProgress> progress() {
        return progress.current();
    }
}
