package org.ratification.ledger.api.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard itself: a handling error logged by an event processor fails the test it was logged
 * in, through the real Logback configuration; a test that says it provokes them passes; claim and
 * informational messages are not handling errors.
 */
class ProcessorErrorsExtensionTest {

    private static final Logger WORK_PACKAGE =
            LoggerFactory.getLogger("org.axonframework.eventhandling.pooled.WorkPackage");

    /** A test method without {@link ProvokesProcessorErrors}, in a class without it. */
    static class Innocent {
        void test() {}
    }

    /** A test method that provokes errors on purpose. */
    static class Provoking {
        @ProvokesProcessorErrors("stops the broker")
        void test() {}
    }

    private static ExtensionContext contextOf(Class<?> type) throws NoSuchMethodException {
        Method method = type.getDeclaredMethod("test");
        ExtensionContext context = mock(ExtensionContext.class);
        when(context.getTestMethod()).thenReturn(Optional.of(method));
        when(context.getTestClass()).thenReturn(Optional.of(type));
        when(context.getDisplayName()).thenReturn(type.getSimpleName());
        return context;
    }

    /**
     * What these tests log is made up, and says so: a real processor's name or a real database message
     * here would read, to anyone scanning the build log, as a read model that failed.
     */
    private static final String SYNTHETIC_PROCESSOR = "synthetic-test-processor";

    private static final String SYNTHETIC_ERROR = "synthetic handling error logged by ProcessorErrorsExtensionTest";

    private static void logHandlingError() {
        WORK_PACKAGE.warn(
                "Error while processing batch in Work Package [{}]-[{}]. Aborting Work Package...",
                0,
                SYNTHETIC_PROCESSOR,
                new IllegalStateException(SYNTHETIC_ERROR));
    }

    @Test
    @ProvokesProcessorErrors("logs a processor handling error to show that the extension fails the test")
    void aTestDuringWhichAProcessorLoggedAHandlingErrorFails() throws Exception {
        ProcessorErrors.drain();
        logHandlingError();
        assertThatThrownBy(() -> new ProcessorErrorsExtension().afterEach(contextOf(Innocent.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 handling error")
                .hasMessageContaining(SYNTHETIC_ERROR)
                .hasMessageContaining("@ProvokesProcessorErrors");
        assertThat(ProcessorErrors.drain()).as("reported once").isEmpty();
    }

    @Test
    @ProvokesProcessorErrors("logs a processor handling error to show that an annotated test passes")
    void aTestThatSaysItProvokesThemPasses() throws Exception {
        ProcessorErrors.drain();
        logHandlingError();
        new ProcessorErrorsExtension().afterEach(contextOf(Provoking.class));
        assertThat(ProcessorErrors.drain()).isEmpty();
    }

    @Test
    void projectionWarningsCountAndOtherMessagesDoNot() throws Exception {
        ProcessorErrors.drain();
        WORK_PACKAGE.info("Error while processing batch (only INFO)");
        LoggerFactory.getLogger("org.axonframework.eventhandling.pooled.Coordinator")
                .warn("Processor [{}] released claim on {}.", "status", 0);
        LoggerFactory.getLogger("org.ratification.ledger.api.web.ProblemHandler")
                .warn("not a processor");
        new ProcessorErrorsExtension().afterEach(contextOf(Innocent.class));
        // any logger of the projections' package counts (this one does not exist: nothing real failed)
        LoggerFactory.getLogger("org.ratification.ledger.projections.SyntheticTestProjection")
                .error(SYNTHETIC_ERROR);
        assertThat(ProcessorErrors.drain()).hasSize(1);
    }
}
