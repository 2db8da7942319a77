import java.net.URI;
import java.net.http.*;
import java.util.*;

/** java Load.java PORT PASSWORD TREATY_PREFIX TREATIES STATES : registers treaties, then signs each by STATES states, one client. */
public class Load {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]); String pw = a[1]; String prefix = a[2];
        int treaties = Integer.parseInt(a[3]); int states = Integer.parseInt(a[4]);
        HttpClient c = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("depositary:" + pw).getBytes());
        List<String> codes = new ArrayList<>();
        for (String l : new String(Load.class.getResourceAsStream("x") == null ? java.nio.file.Files.readAllBytes(java.nio.file.Path.of(a[5])) : new byte[0]).split("\n")) if (!l.isBlank()) codes.add(l.trim());
        for (int t = 0; t < treaties; t++) {
            String id = prefix + t;
            String body = "{\"id\":\"" + id + "\",\"reference\":\"BENCH-" + id + "\",\"title\":\"Load Convention " + id + "\",\"adoptedOn\":\"1999-12-01\",\"signature\":{\"opensOn\":\"2000-01-01\",\"closesOn\":\"2099-12-31\"},\"entryIntoForce\":{\"instrumentsRequired\":40,\"daysAfterThreshold\":90,\"daysAfterLaterInstrument\":30,\"reioInstrumentsCount\":false},\"denunciation\":{\"takesEffectAfterMonths\":12}}";
            HttpResponse<String> r = post(c, port, auth, "/api/treaties", body);
            if (r.statusCode() != 201) { System.err.println("register " + r.statusCode() + " " + r.body()); System.exit(1); }
        }
        long[] lat = new long[treaties * states]; int n = 0; int failed = 0;
        long start = System.nanoTime();
        for (int s = 0; s < states; s++) for (int t = 0; t < treaties; t++) {
            String body = "{\"participant\":\"" + codes.get(s) + "\",\"signedOn\":\"2024-03-01\",\"place\":\"New York\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(c, port, auth, "/api/treaties/" + prefix + t + "/signatures", body);
            lat[n++] = System.nanoTime() - t0;
            if (r.statusCode() != 201) { failed++; if (failed < 3) System.err.println(r.statusCode() + " " + r.body()); }
        }
        long wall = System.nanoTime() - start;
        Arrays.sort(lat);
        System.out.printf("recordings %d failed %d wall %.1f s rate %.1f/s p50 %.2f ms p99 %.2f ms%n", n, failed, wall / 1e9, n / (wall / 1e9), lat[n / 2] / 1e6, lat[(int) (n * 0.99)] / 1e6);
    }
    static HttpResponse<String> post(HttpClient c, int port, String auth, String path, String body) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", auth).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
