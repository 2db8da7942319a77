package org.ratification.ledger.api.stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ratification.ledger.api.security.ProblemResponses;
import org.ratification.ledger.api.security.Roles;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.projections.status.StatusRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events/stream}: every recorded event as a Server-Sent Event whose id is its global
 * position, whose name is its type and whose data is its envelope: the full {@link EventEnvelope}
 * for auditors and the depositary, the {@link PublicEventEnvelope} for everyone else. A client that reconnects with
 * {@code Last-Event-ID} (or {@code ?lastEventId=}) receives everything after that position, then
 * the live events, without gaps or duplicates. Over the caps of {@link StreamProperties} a
 * subscription is refused with problem+json (503 TOO_MANY_SUBSCRIBERS, 429 TOO_MANY_REPLAYS) and
 * a Retry-After.
 */
@RestController
class EventStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private static final String RETRY_AFTER_SECONDS = "5";

    private final LiveEvents live;
    private final StatusRepository treaties;

    EventStreamController(LiveEvents live, StatusRepository treaties) {
        this.live = live;
        this.treaties = treaties;
    }

    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Subscribe to recorded events as Server-Sent Events, resumable with Last-Event-ID")
    SseEmitter stream(
            @RequestParam(name = "treaty", required = false) String treatyId,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (treatyId != null && treaties.treaty(treatyId).isEmpty()) {
            throw Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.")
                    .exception();
        }
        long after = lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(0L);
        // full envelopes (payload, recorder, hashes) for auditors and the depositary, the public one otherwise
        boolean full = request.isUserInRole(Roles.AUDITOR) || request.isUserInRole(Roles.DEPOSITARY);
        Subscription subscription;
        try {
            subscription = live.subscribe(treatyId, after, new EmitterSink(emitter, request, full), anonymous());
        } catch (LiveEvents.Refused refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(
                    request, response, HttpStatus.valueOf(refused.status()), refused.code(), refused.getMessage());
            return null;
        }
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(subscription::cancel);
        emitter.onError(e -> subscription.cancel());
        // Commit the headers here, on the request's thread, before a sender thread writes: the
        // filters still running on this thread (Spring Security's header writer) would otherwise set
        // headers while a sender commits them, and Tomcat's header list is not thread-safe. Once the
        // response is committed, those late header writes are ignored.
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        try {
            response.flushBuffer();
        } catch (IOException | RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        subscription.start();
        return emitter;
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    private static long lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return Subscription.LIVE_ONLY;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= -1) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Rejection.invalid(
                        "INVALID_LAST_EVENT_ID",
                        "The last event id must be the global position of an event received from this stream"
                                + " (a whole number), or -1 for everything from the start.")
                .exception();
    }

    /**
     * Writes a subscription's frames to its SSE response. After a failed write (the client went
     * away, or a write timed out because it does not read) the emitter must not be completed (see
     * {@link SseEmitter#complete}) and the container may never report the error, which would leave
     * the request open for good (and hold a graceful shutdown); the sink then completes the
     * request's async context itself.
     */
    private static final class EmitterSink implements Subscription.Sink {

        private static final long RETRY_MILLIS = 3000;

        private final SseEmitter emitter;
        private final HttpServletRequest request;
        private final boolean full;
        private volatile boolean failed;

        EmitterSink(SseEmitter emitter, HttpServletRequest request, boolean full) {
            this.emitter = emitter;
            this.request = request;
            this.full = full;
        }

        @Override
        public void event(LiveEvent event) throws IOException {
            send(SseEmitter.event()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .data(event.json(full)));
        }

        @Override
        public void comment(String text) throws IOException {
            send(SseEmitter.event().reconnectTime(RETRY_MILLIS).comment(text));
        }

        private void send(SseEmitter.SseEventBuilder frame) throws IOException {
            try {
                emitter.send(frame);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() {
            if (!failed) {
                emitter.complete();
                return;
            }
            // not the emitter: completing it would flush the broken response and dispatch after
            // the container's error, which Tomcat refuses to an application thread
            try {
                if (request.isAsyncStarted()) {
                    request.getAsyncContext().complete();
                }
            } catch (IllegalStateException e) {
                // already completed by the container, or after its error
            }
        }
    }
}
