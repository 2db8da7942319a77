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
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Progress of read models being rebuilt (percent, events per second)")
    List<ProcessorProgress> progress() {
        return progress.current();
    }
}
