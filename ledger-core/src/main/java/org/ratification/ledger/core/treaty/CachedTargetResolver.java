package org.ratification.ledger.core.treaty;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@link AnnotationCommandTargetResolver}, with the accessor of each command class's
 * {@code @TargetAggregateIdentifier} looked up once instead of at every command. Axon's resolver lists the
 * class's methods ({@code getDeclaredMethods()}, which copies every {@code Method} and its annotations) for
 * each command it resolves: 3.8 % of what a recording allocates and 1.2 % of its request thread's CPU (bench/
 * RESULTS.md §0pb). A class whose identifier is not an annotated method without parameters, or that carries a
 * {@code @TargetAggregateVersion}, and a command whose identifier is null, are resolved by Axon's resolver, so
 * every answer and every refusal stays Axon's.
 */
public final class CachedTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations =
            AnnotationCommandTargetResolver.builder().build();

    private final ClassValue<Optional<Method>> identifiers = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            return identifierAccessor(type);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Optional<Method> accessor = payload == null ? Optional.empty() : identifiers.get(payload.getClass());
        if (accessor.isPresent()) {
            Object identifier = invoke(accessor.get(), payload);
            if (identifier != null) {
                return new VersionedAggregateIdentifier(identifier, null);
            }
        }
        return annotations.resolveTarget(command);
    }

    /** The method Axon's resolver would read the identifier from, if its answer can be cached. */
    private static Optional<Method> identifierAccessor(Class<?> type) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, TargetAggregateVersion.class)) {
                return Optional.empty();
            }
        }
        for (var field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, TargetAggregateVersion.class)) {
                return Optional.empty();
            }
        }
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, TargetAggregateIdentifier.class)) {
                if (method.getParameterCount() != 0) {
                    return Optional.empty();
                }
                ReflectionUtils.ensureAccessible(method);
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method accessor, Object payload) {
        try {
            return accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null; // Axon's resolver reports it
        }
    }
}
