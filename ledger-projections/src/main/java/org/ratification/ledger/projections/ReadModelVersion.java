package org.ratification.ledger.projections;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of a projection's tables and fold. Raise it whenever a change to the projection
 * makes the rows already written wrong or incomplete: at the next start the service sees that
 * the stored version differs and rebuilds that read model from the event store before its
 * processor starts. Put it on the class that carries the {@code @ProcessingGroup}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelVersion {
    int value();

    /**
     * The tables an inline read model writes. A rebuild locks them against other nodes' recordings
     * (which wait, then write their rows after it) and refills them in one transaction.
     */
    String[] tables() default {};
}
