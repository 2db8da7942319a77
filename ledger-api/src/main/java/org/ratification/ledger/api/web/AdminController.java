package org.ratification.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ratification.ledger.api.admin.ProcessorView;
import org.ratification.ledger.api.admin.ReadModelAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For the operator: the read models' processors, and rebuilding a read model from the event store. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Operations", description = "Read model processors and rebuilds")
class AdminController {

    private static final String PROCESSOR_EXAMPLE =
            """
            {"name":"history","type":"PooledStreamingEventProcessor","running":true,"error":false,
             "replaying":false,"caughtUp":true,"segments":16,"totalSegments":16,"position":412,
             "headPosition":412,"upToDate":true,"declaredVersion":1,"storedVersion":1}""";

    private final ReadModelAdmin admin;

    AdminController(ReadModelAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/processors")
    @Operation(
            summary = "List the read models' event processors and their progress",
            description = "For each processor: whether it runs, replays or is caught up, the lowest position its"
                    + " segments reached against the newest event's position, whether it is up to date (a rebuild"
                    + " is complete when it is), and the read model's declared and stored versions.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(examples = @ExampleObject(value = "[" + PROCESSOR_EXAMPLE + "]"))))
    List<ProcessorView> processors() {
        return admin.processors();
    }

    @PostMapping("/rebuild/{processingGroup}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Rebuild a read model from the event store",
            description = "Stops the processor, resets its tokens (its tables are cleared) and starts it again; it"
                    + " then replays every event. Answers at once; follow the progress with GET"
                    + " /api/admin/processors until it is up to date.",
            responses = {
                @ApiResponse(
                        responseCode = "202",
                        content = @Content(examples = @ExampleObject(value = PROCESSOR_EXAMPLE))),
                @ApiResponse(responseCode = "404", description = "No processor of that name")
            })
    ProcessorView rebuild(
            @Parameter(description = "status, history or notifications", example = "history") @PathVariable
                    String processingGroup) {
        return admin.rebuild(processingGroup);
    }
}
