package org.ratification.ledger.api.processors;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Registered for every test of the module by auto-detection ({@code junit-platform.properties} and
 * {@code META-INF/services}): a test during which an event processor logged a handling error
 * fails, so that a read model can never stop while the suite passes (issue 12 §1). A test that
 * provokes such errors on purpose says so with {@link ProvokesProcessorErrors}. Errors logged
 * between tests (a processor catching up after the previous test) are charged to the next test or
 * to the class, never dropped.
 */
public class ProcessorErrorsExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context, "before the tests of " + context.getDisplayName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "after the tests of " + context.getDisplayName());
    }

    private static void check(ExtensionContext context, String during) {
        List<String> errors = ProcessorErrors.drain();
        if (errors.isEmpty() || provokes(context)) {
            return;
        }
        throw new AssertionError("An event processor logged " + errors.size() + " handling error(s) during " + during
                + " (annotate with @ProvokesProcessorErrors if the test causes them on purpose):\n  "
                + String.join("\n  ", errors));
    }

    private static boolean provokes(ExtensionContext context) {
        boolean method = context.getTestMethod()
                .map(m -> AnnotatedElementUtils.hasAnnotation(m, ProvokesProcessorErrors.class))
                .orElse(false);
        boolean type = context.getTestClass()
                .map(c -> AnnotatedElementUtils.hasAnnotation(c, ProvokesProcessorErrors.class))
                .orElse(false);
        return method || type;
    }
}
