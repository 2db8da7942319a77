package org.ratification.ledger.api.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client for tests: parses frames into a queue as they arrive. */
public final class SseClient implements AutoCloseable {

    /** One frame: an event (id, name, data) or a comment. */
    public record Frame(String id, String event, String data, String comment) {
        public boolean isEvent() {
            return data != null;
        }

        public long position() {
            return Long.parseLong(id);
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects and waits for the response headers; {@code lastEventId} may be null. */
    public static SseClient connect(String url, String lastEventId) throws Exception {
        return connect(url, lastEventId, null);
    }

    /** The same with an {@code Authorization} header value (null: anonymous). */
    public static SseClient connect(String url, String lastEventId, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(response.get(30, TimeUnit.SECONDS));
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** A response header's first value, or "" if it has none. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String comment = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null || comment != null) {
                        frames.add(new Frame(id, event, data == null ? null : data.toString(), comment));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comment = null;
                } else if (line.startsWith(":")) {
                    comment = line.substring(1);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n'))
                            .append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed
        }
    }

    /** The next event frame, skipping comments; fails if none arrives in time. */
    public Frame nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No event within " + timeout);
            }
            if (frame.isEvent()) {
                return frame;
            }
        }
    }

    /** The next {@code count} event frames. */
    public List<Frame> nextEvents(int count, Duration timeout) throws InterruptedException {
        List<Frame> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(nextEvent(timeout));
        }
        return events;
    }

    /**
     * Event frames that arrive before the next heartbeat: the heartbeat travels the same queue as
     * events, so an event already dispatched arrives before it.
     */
    public List<Frame> eventsUntilHeartbeat(Duration timeout) throws InterruptedException {
        List<Frame> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No heartbeat within " + timeout);
            }
            if (frame.isEvent()) {
                events.add(frame);
            } else if ("heartbeat".equals(frame.comment())) {
                return events;
            }
        }
    }

    /** The next comment frame's text. */
    public String nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No comment within " + timeout);
            }
            if (!frame.isEvent()) {
                return frame.comment();
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
