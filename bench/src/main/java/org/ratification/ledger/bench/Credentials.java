package org.ratification.ledger.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP Basic credentials the benchmark sends and gives to the service it starts: the passwords
 * of LEDGER_DEPOSITARY_PASSWORD and LEDGER_AUDITOR_PASSWORD when set, otherwise fresh random ones.
 * A service without access control ignores the header.
 */
record Credentials(String depositaryPassword, String auditorPassword) {

    static Credentials fromEnvironment() {
        return new Credentials(
                Database.env("LEDGER_DEPOSITARY_PASSWORD", random()),
                Database.env("LEDGER_AUDITOR_PASSWORD", random()));
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String depositaryHeader() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(("depositary:" + depositaryPassword).getBytes(StandardCharsets.UTF_8));
    }

    List<String> springArguments() {
        return List.of(
                "--ledger.security.depositary-password=" + depositaryPassword,
                "--ledger.security.auditor-password=" + auditorPassword);
    }

    Map<String, String> childEnvironment() {
        return Map.of("LEDGER_DEPOSITARY_PASSWORD", depositaryPassword, "LEDGER_AUDITOR_PASSWORD", auditorPassword);
    }
}
