package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLogFull;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Takes room in the request log for every {@code /api/**} and {@code /ajax-api/**} request before it is carried
 * out, so that its entry is never lost: at once on the event loop when there is room, else on a blocking thread,
 * waiting a bounded time.
 * A request that gets none is refused with {@link RequestLogFull} (a 503, see the error handler) before anything
 * is done; its refusal takes room kept for refusals, so that {@link RequestLogFilter} logs the 503 too. Runs just
 * inside {@link RequestLogFilter} (and the MLflow adapter's error filter, which must see its refusals too), whose
 * response filter therefore sees every answer, refusals included.
 */
@ServerFilter({"/api/**", "/ajax-api/**"})
public class RequestLogAdmissionFilter implements Ordered {

    public static final int ORDER = RequestLogFilter.ORDER + 2;

    private final RecordApiRequest recorder;
    private final ExecutorService blocking;

    public RequestLogAdmissionFilter(RecordApiRequest recorder, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.recorder = recorder;
        this.blocking = blocking;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Completes with the request unchanged once it has room (or fails with {@link RequestLogFull}). */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> admit(HttpRequest<?> request) {
        Optional<LogSlot> slot = recorder.tryReserve();
        if (slot.isPresent()) {
            RequestAttributes.setLogSlot(request, slot.get());
            return CompletableFuture.completedFuture(request);
        }
        // waiting blocks: never on the event loop
        CompletableFuture<HttpRequest<?>> admitted = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                RequestAttributes.setLogSlot(request, recorder.reserve());
                admitted.complete(request);
            } catch (RequestLogFull full) {
                // the refusal is answered, so it is logged: room for its row first
                RequestAttributes.setLogSlot(request, recorder.reserveForRefusal());
                admitted.completeExceptionally(full);
            } catch (RuntimeException e) {
                admitted.completeExceptionally(e);
            }
        });
        return admitted;
    }
}
