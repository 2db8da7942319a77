package org.ratification.ledger.api.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ratification.ledger.core.rules.RejectedException;
import org.springframework.stereotype.Component;

/**
 * Counts every handled command by type and outcome, as {@code ledger.commands}: {@code recorded}
 * once its events are committed, {@code refused} by a rule, {@code lost-race} when another write to
 * the same treaty committed first (the gateway retries those), and {@code failed} for anything
 * else. Refusals are counted a second time by their code, as {@code ledger.commands.refused}, so
 * that a success carries no code (Prometheus wants one set of labels per metric name).
 */
@Component
public class CommandOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String METER = "ledger.commands";

    public static final String REFUSED_METER = "ledger.commands.refused";

    private final MeterRegistry meters;

    public CommandOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(u -> count(command, "recorded"));
        unitOfWork.onRollback(u -> {
            Throwable failure = u.getExecutionResult().getExceptionResult();
            String outcome = outcome(failure);
            count(command, outcome);
            if ("refused".equals(outcome)) {
                Counter.builder(REFUSED_METER)
                        .description("Commands refused, by type and the refusal's code")
                        .tag("command", command)
                        .tag("code", code(failure))
                        .register(meters)
                        .increment();
            }
        });
        return interceptorChain.proceed();
    }

    private void count(String command, String outcome) {
        Counter.builder(METER)
                .description("Commands handled, by type and outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof RejectedException
                || failure instanceof AggregateNotFoundException
                || failure instanceof AggregateStreamCreationException) {
            return "refused";
        }
        return failure instanceof ConcurrencyException ? "lost-race" : "failed";
    }

    private static String code(Throwable failure) {
        if (failure instanceof RejectedException rejected) {
            return rejected.rejection().code();
        }
        if (failure instanceof AggregateNotFoundException) {
            return "TREATY_NOT_FOUND";
        }
        if (failure instanceof AggregateStreamCreationException) {
            return "TREATY_ALREADY_REGISTERED";
        }
        return "UNKNOWN";
    }
}
