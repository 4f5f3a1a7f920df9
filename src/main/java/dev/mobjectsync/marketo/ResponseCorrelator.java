package dev.mobjectsync.marketo;

import java.time.Clock;
import java.util.List;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;

import com.marketo.mktows.SuccessSyncMObjects;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Channels;
import dev.mobjectsync.model.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The correlate step: the CXF answer plus the batch in flight become one outcome per record. */
@ApplicationScoped
@Named("responseCorrelator")
public class ResponseCorrelator {

    private final ResultCorrelator correlator;
    private final Clock clock;

    public ResponseCorrelator(SyncConfig config, Clock clock) {
        this.correlator = new ResultCorrelator(Channels.SUCCESS.equals(config.results().skippedTo()));
        this.clock = clock;
    }

    @Handler
    public List<RecordOutcome> correlate(Object answer, @ExchangeProperty(Headers.BATCH) Batch batch) {
        Object value = answer instanceof List<?> parts && !parts.isEmpty() ? parts.get(0) : answer;
        if (!(value instanceof SuccessSyncMObjects success) || success.getResult() == null
                || success.getResult().getMObjStatusList() == null) {
            return correlator.correlate(batch, List.of(), clock.instant());
        }
        return correlator.correlate(batch, success.getResult().getMObjStatusList().getMObjStatus(), clock.instant());
    }
}
