package org.ratification.ledger.api.admin;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ratification.ledger.api.operations.TrailingReadModel;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.projections.ReadModelVersion;
import org.ratification.ledger.projections.ReadModelVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Service;

/**
 * Rebuilds read models from the event store. An inline read model (status, history) is rebuilt by
 * a direct fold ({@link InlineRebuilds}); a tracking one (notifications) by shutting its processor
 * down, resetting its tokens (the projection's {@code @ResetHandler} clears its tables) and starting
 * it again, which replays every event. At start-up, before the processors start, does the same for
 * every read model whose declared {@link ReadModelVersion} differs from the one stored in
 * {@code read_model_version} (an inline read model is folded before the service takes a command).
 */
@Service
public class ReadModelAdmin {

    private static final Logger log = LoggerFactory.getLogger(ReadModelAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelVersions versions;
    private final ApplicationContext context;
    private final InlineRebuilds inline;
    private final ObjectProvider<TrailingReadModel> trailing;
    private final ExecutorService folds = Executors.newSingleThreadExecutor(new AxonThreadFactory("read-model-fold"));

    public ReadModelAdmin(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            ReadModelVersions versions,
            ApplicationContext context,
            InlineRebuilds inline,
            ObjectProvider<TrailingReadModel> trailing) {
        this.processing = processing;
        this.trailing = trailing;
        this.eventStore = eventStore;
        this.versions = versions;
        this.context = context;
        this.inline = inline;
    }

    @PreDestroy
    void stopFolds() {
        folds.shutdownNow();
    }

    /** Every event processor, by name. */
    public List<ProcessorView> processors() {
        Map<String, Integer> declared = declaredVersions();
        Map<String, Integer> stored = versions.all();
        Long head = headPosition();
        List<ProcessorView> views = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors())
                .forEach((name, processor) ->
                        views.add(view(name, processor, head, declared.get(name), stored.get(name))));
        return views;
    }

    /** Rebuilds one read model; answers at once, while the fold or the processor replays the events. */
    public synchronized ProcessorView rebuild(String name) {
        Optional<SubscribingEventProcessor> inlineProcessor =
                processing.eventProcessor(name, SubscribingEventProcessor.class);
        if (inlineProcessor.isPresent()) {
            if (!inline.folding(name)) {
                SubscribingEventProcessor subscribing = inlineProcessor.get();
                List<String> tables = tables(name);
                Future<Long> started = folds.submit(() -> inline.rebuild(subscribing, tables));
                awaitStart(name, started);
            }
            return view(
                    name,
                    inlineProcessor.get(),
                    headPosition(),
                    declaredVersions().get(name),
                    versions.stored(name).orElse(null));
        }
        StreamingEventProcessor processor = streaming(name).orElseThrow(() -> Rejection.notFound(
                        "PROCESSOR_NOT_FOUND", "No read model processor is named '" + name + "'.")
                .exception());
        if (!processor.supportsReset()) {
            throw Rejection.conflict("RESET_NOT_SUPPORTED", "The read model '" + name + "' cannot be rebuilt.")
                    .exception();
        }
        log.info("Rebuilding read model {} from the event store", name);
        stop(processor);
        processor.resetTokens();
        processor.start();
        return view(
                name,
                processor,
                headPosition(),
                declaredVersions().get(name),
                versions.stored(name).orElse(null));
    }

    /**
     * Resets every read model whose declared version differs from the stored one (or that has
     * none stored). Runs before the processors start; a reset that fails (tokens claimed by
     * another node) is logged and tried again at the next start.
     */
    public void reconcileVersions() {
        declaredVersions().forEach((name, version) -> {
            Optional<Integer> stored = versions.stored(name);
            if (stored.isPresent() && stored.get().equals(version)) {
                return;
            }
            try {
                Optional<SubscribingEventProcessor> subscribing =
                        processing.eventProcessor(name, SubscribingEventProcessor.class);
                if (subscribing.isPresent()) {
                    log.info(
                            "Read model {} was built with version {}, the projection declares {}: rebuilding it",
                            name,
                            stored.map(String::valueOf).orElse("(none)"),
                            version);
                    inline.rebuild(subscribing.get(), tables(name));
                    versions.store(name, version);
                    return;
                }
                Optional<StreamingEventProcessor> processor = streaming(name);
                if (processor.isPresent()
                        && processor.get().supportsReset()
                        && !processor.get().isRunning()) {
                    log.info(
                            "Read model {} was built with version {}, the projection declares {}: rebuilding it",
                            name,
                            stored.map(String::valueOf).orElse("(none)"),
                            version);
                    processor.get().resetTokens();
                }
                versions.store(name, version);
            } catch (RuntimeException e) {
                log.warn("Read model {} could not be reset now; it will be tried again at the next start", name, e);
            }
        });
    }

    /** The version each projection declares, by processing group. */
    public Map<String, Integer> declaredVersions() {
        Map<String, Integer> declared = new TreeMap<>();
        declarations().forEach((name, version) -> declared.put(name, version.value()));
        return declared;
    }

    /** The tables the projections of an inline read model declare. */
    private List<String> tables(String name) {
        ReadModelVersion declared = declarations().get(name);
        return declared == null ? List.of() : List.of(declared.tables());
    }

    /** What each projection declares, by processor name. */
    private Map<String, ReadModelVersion> declarations() {
        Map<String, ReadModelVersion> declared = new TreeMap<>();
        for (Object bean :
                context.getBeansWithAnnotation(ReadModelVersion.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ReadModelVersion version = AnnotationUtils.findAnnotation(type, ReadModelVersion.class);
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (version != null && group != null) {
                processing
                        .eventProcessorByProcessingGroup(group.value())
                        .map(EventProcessor::getName)
                        .ifPresent(name -> declared.put(name, version));
            }
        }
        return declared;
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** Waits until the fold holds the read model (or failed), so that a view taken now shows it. */
    private void awaitStart(String name, Future<Long> started) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!inline.folding(name) && !started.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + processor.getName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not stop " + processor.getName(), e);
        }
    }

    private Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : position(head.position());
    }

    private ProcessorView view(String name, EventProcessor processor, Long head, Integer declared, Integer stored) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            // inline: up to date by construction, except while a fold rebuilds it, or while a read model
            // written after commit (the log) has committed records yet to take in
            boolean folding = inline.folding(name);
            boolean trailingBehind = trailing.orderedStream()
                    .filter(model -> model.processor().equals(name))
                    .anyMatch(model ->
                            model.progress().position() < model.progress().head());
            Long position = folding
                    ? inline.fold(name).map(InlineRebuilds.Fold::position).orElse(null)
                    : head;
            return new ProcessorView(
                    name,
                    processor.getClass().getSimpleName(),
                    processor.isRunning(),
                    processor.isError(),
                    folding,
                    !folding && !trailingBehind,
                    0,
                    0,
                    position,
                    head,
                    processor.isRunning() && !folding && !trailingBehind,
                    declared,
                    stored);
        }
        int total = processing.tokenStore(name).fetchSegments(name).length;
        Collection<EventTrackerStatus> segments = streaming.processingStatus().values();
        Long position = segments.stream()
                .map(s -> position(s.getCurrentPosition()))
                .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b))
                .orElse(null);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean upToDate = processor.isRunning()
                && !error
                && caughtUp
                && segments.size() == total
                && (head == null || (position != null && position >= head));
        return new ProcessorView(
                name,
                processor.getClass().getSimpleName(),
                processor.isRunning(),
                error,
                replaying,
                caughtUp,
                segments.size(),
                total,
                position,
                head,
                upToDate,
                declared,
                stored);
    }

    private static Long position(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
