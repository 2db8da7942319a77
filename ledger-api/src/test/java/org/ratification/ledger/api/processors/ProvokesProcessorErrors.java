package org.ratification.ledger.api.processors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test (or every test of a class) that makes an event processor fail on purpose, such as one that
 * stops the Kafka broker: {@link ProcessorErrorsExtension} lets the errors it logs pass. Say why.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ProvokesProcessorErrors {

    /** Why the test makes a processor fail. */
    String value();
}
