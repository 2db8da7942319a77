import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.ratification.ledger.core.participants.*;

/** Closed-loop recording driver for profiling: java -cp ledger-core.jar Drive.java port client(jdk|url) clients warm reps repSeconds */
public class Drive {
    static final List<String> STATES = ParticipantRegistry.standard().all().stream().filter(p -> !p.isReio()).map(Participant::code).toList();
    static String auth;
    static String base;
    static HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    interface Poster { int post(String path, String body) throws Exception; }

    static int postJdk(String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return jdk.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static int postUrl(String path, String body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Content-Type", "application/json");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(b.length);
        try (OutputStream o = c.getOutputStream()) { o.write(b); }
        int code = c.getResponseCode();
        try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) { if (in != null) in.readAllBytes(); }
        return code;
    }

    static String treaty(String id) {
        int h = Math.abs(id.hashCode());
        return "{\"id\":\"" + id + "\",\"reference\":\"BENCH-" + h + "\",\"title\":\"Benchmark Convention " + h + "\",\"adoptedOn\":\"1999-12-01\","
            + "\"signature\":{\"opensOn\":\"2000-01-01\",\"closesOn\":\"2099-12-31\"},"
            + "\"entryIntoForce\":{\"instrumentsRequired\":40,\"daysAfterThreshold\":90,\"daysAfterLaterInstrument\":30,\"reioInstrumentsCount\":false},"
            + "\"denunciation\":{\"takesEffectAfterMonths\":12}}";
    }

    static final int T = 200;
    static final AtomicLong next = new AtomicLong();
    static String prefix;

    static String[] nextWrite() {
        long k = next.getAndIncrement();
        String t = prefix + String.format("%03d", k % T);
        long p = k / T;
        if (p < STATES.size()) {
            return new String[] {"/api/treaties/" + t + "/signatures", "{\"participant\":\"" + STATES.get((int) p) + "\",\"signedOn\":\"2024-03-01\",\"place\":\"New York\"}"};
        }
        return new String[] {"/api/treaties/" + t + "/communications", "{\"participant\":\"" + STATES.get((int) (p % STATES.size()))
            + "\",\"kind\":\"NOTIFICATION\",\"receivedOn\":\"2024-09-02\",\"text\":\"Notification no. " + k + " designating the central authority for mutual legal assistance.\"}"};
    }

    public static void main(String[] a) throws Exception {
        base = "http://127.0.0.1:" + a[0];
        Poster poster = a[1].equals("url") ? Drive::postUrl : Drive::postJdk;
        int clients = Integer.parseInt(a[2]);
        int warm = Integer.parseInt(a[3]);
        int reps = Integer.parseInt(a[4]);
        double repSeconds = Double.parseDouble(a[5]);
        prefix = a.length > 6 ? a[6] : "d" + Long.toString(System.currentTimeMillis() % 100000, 36) + "-";
        auth = "Basic " + Base64.getEncoder().encodeToString(("depositary:" + System.getenv("LEDGER_DEPOSITARY_PASSWORD")).getBytes());
        ExecutorService ex = Executors.newFixedThreadPool(8);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < T; i++) { String id = prefix + String.format("%03d", i); fs.add(ex.submit(() -> postUrl("/api/treaties", treaty(id)))); }
        for (Future<Integer> f : fs) { int c = f.get(); if (c != 201) throw new IllegalStateException("register " + c); }
        ex.shutdown();
        System.out.println("registered " + T);
        run(poster, clients, warm, "warm");
        for (int r = 1; r <= reps; r++) run(poster, clients, repSeconds, "rep " + r);
    }

    static void run(Poster poster, int clients, double seconds, String label) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong fail = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                long[] lat = new long[200000]; int n = 0;
                while (System.nanoTime() < end) {
                    String[] w = nextWrite();
                    long s = System.nanoTime();
                    try { int code = poster.post(w[0], w[1]); if (code != 201) { fail.incrementAndGet(); if (fail.get() < 3) System.out.println("status " + code + " " + w[0]); continue; } }
                    catch (Exception e) { fail.incrementAndGet(); System.out.println(e); continue; }
                    if (n < lat.length) lat[n++] = System.nanoTime() - s;
                }
                all.add(Arrays.copyOf(lat, n));
            }, "closed-loop-" + c);
            t.start(); ts.add(t);
        }
        for (Thread t : ts) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] l = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (l.length == 0) { System.out.println(label + " nothing"); return; }
        System.out.printf(Locale.ROOT, "%s: %d clients %.1f/s p50 %.2f ms p90 %.2f p99 %.2f max %.1f (n=%d, failed %d)%n", label, clients, l.length / secs,
            l[l.length / 2] / 1e6, l[(int) (l.length * 0.9)] / 1e6, l[(int) (l.length * 0.99)] / 1e6, l[l.length - 1] / 1e6, l.length, fail.get());
    }
}
