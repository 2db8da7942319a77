package org.ratification.ledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/** Load generators: closed loop at a fixed concurrency, and open loop at a fixed rate. */
final class Load {

    private Load() {}

    /** One blocking operation of a closed-loop client; answers whether it succeeded. */
    @FunctionalInterface
    interface Operation {
        boolean run(int client) throws Exception;
    }

    /** What a run measured: successes, failures, elapsed time and the latencies of successes. */
    record Outcome(long ok, long failed, double seconds, Latency latency, long late) {

        double throughput() {
            return ok / seconds;
        }
    }

    /**
     * {@code clients} threads each run the operation back to back for the duration. Latency is the
     * time of each operation: at a fixed concurrency the offered load adapts to the service, so
     * this measures capacity (throughput) and the latency that goes with it, per Little's law.
     */
    static Outcome closedLoop(int clients, Duration duration, Operation operation) throws InterruptedException {
        Latency latency = new Latency();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            boolean success;
                            try {
                                success = operation.run(client);
                            } catch (Exception e) {
                                success = false;
                                Log.warnOnce("closed-loop operation failed: " + e);
                            }
                            if (success) {
                                latency.recordNanos(System.nanoTime() - t0);
                                ok.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    },
                    "closed-loop-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(ok.get(), failed.get(), seconds, latency, 0);
    }

    /**
     * Sends {@code rate} requests per second for the duration, each at its scheduled instant whatever
     * the previous ones did, and measures every latency from that scheduled instant (so a stall of
     * the service or of the generator is charged to every request it delayed: no coordinated
     * omission). At most {@code maxOutstanding} requests are in flight; past that the generator
     * waits, and the wait still counts in the latencies. {@code late} counts requests sent more
     * than 1 ms after their scheduled instant.
     *
     * @param request starts request number i and completes with whether it succeeded
     */
    static Outcome openLoop(
            double rate, Duration duration, int maxOutstanding, LongFunction<CompletableFuture<Boolean>> request)
            throws InterruptedException {
        return openLoop(rate, duration, maxOutstanding, request, i -> null);
    }

    /** As above; each successful request's latency is also recorded in {@code also.apply(i)} when not null. */
    static Outcome openLoop(
            double rate,
            Duration duration,
            int maxOutstanding,
            LongFunction<CompletableFuture<Boolean>> request,
            LongFunction<Latency> also)
            throws InterruptedException {
        Latency latency = new Latency();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long late = 0;
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double interval = 1e9 / rate;
        Semaphore outstanding = new Semaphore(maxOutstanding);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        for (long i = 0; i < total; i++) {
            long intended = start + Math.round(i * interval);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            outstanding.acquire();
            if (System.nanoTime() - intended > 1_000_000) {
                late++;
            }
            CompletableFuture<Boolean> response;
            try {
                response = request.apply(i);
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            Latency extra = also.apply(i);
            response.whenComplete((success, error) -> {
                if (error == null && Boolean.TRUE.equals(success)) {
                    long nanos = System.nanoTime() - intended;
                    latency.recordNanos(nanos);
                    if (extra != null) {
                        extra.recordNanos(nanos);
                    }
                    ok.incrementAndGet();
                } else {
                    if (error != null) {
                        Log.warnOnce("open-loop request failed: " + error);
                    }
                    failed.incrementAndGet();
                }
                outstanding.release();
            });
        }
        if (!outstanding.tryAcquire(maxOutstanding, 60, TimeUnit.SECONDS)) {
            Log.warnOnce("open-loop: requests still outstanding 60 s after the last was sent");
        } else {
            outstanding.release(maxOutstanding);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(ok.get(), failed.get() + (total - ok.get() - failed.get()), seconds, latency, late);
    }
}
