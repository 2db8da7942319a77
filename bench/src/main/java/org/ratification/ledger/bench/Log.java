package org.ratification.ledger.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Progress lines on standard output, each prefixed with the time of day. */
final class Log {

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Log() {}

    static void info(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + String.format(format, args));
        System.out.flush();
    }

    /** A warning printed once per distinct text (load generators would otherwise flood the output). */
    static void warnOnce(String text) {
        String key = text.length() > 160 ? text.substring(0, 160) : text;
        if (WARNED.add(key)) {
            info("WARNING %s", text);
        }
    }
}
