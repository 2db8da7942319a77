package org.ratification.ledger.projections;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Lets a writer wait until a read model has committed a record it just wrote, so that a client
 * reading right after its write reads that write. Only signals of this node are seen; a writer
 * that times out simply answers without waiting longer.
 */
@Component
public class RecordSignals {

    private final ConcurrentMap<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** Called by a projection once the record is committed. */
    public void applied(String recordId) {
        CompletableFuture<Void> future = pending.remove(recordId);
        if (future != null) {
            future.complete(null);
        }
    }

    /** Registers interest before the write, so that a fast projection cannot be missed. */
    public CompletableFuture<Void> expect(String recordId) {
        return pending.computeIfAbsent(recordId, id -> new CompletableFuture<>());
    }

    /** Waits for an expected record; true if it was applied in time. */
    public boolean await(String recordId, CompletableFuture<Void> expected, Duration timeout) {
        try {
            expected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            pending.remove(recordId);
        }
    }
}
