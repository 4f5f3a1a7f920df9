package dev.mobjectsync.sending;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.jboss.logging.Logger;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.model.RecordOutcome;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Marketo answered a call: before its outcomes go to their channels, they are kept in the checkpoints by
 * the place of each record in its chunk or unit, so that a crash from here on never sends these records to
 * Marketo again (a restart writes the stored outcomes to their channels instead). Outcomes are matched to
 * the call's records by record id, in order.
 */
@Singleton
@Named("answeredCalls")
public class AnsweredCalls {

    private static final Logger LOG = Logger.getLogger(AnsweredCalls.class);

    private final Checkpoints checkpoints;

    @Inject
    public AnsweredCalls(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Handler
    public void keep(List<RecordOutcome> outcomes, @ExchangeProperty(SendingStage.CALL) List<Lanes.Entry> call,
            @ExchangeProperty(SendingStage.CALL_ID) String callId) {
        if (call == null || callId == null) {
            return;
        }
        Map<String, Deque<Lanes.Entry>> byRecordId = new HashMap<>();
        for (Lanes.Entry entry : call) {
            if (entry.ticket.place != null) {
                byRecordId.computeIfAbsent(entry.record.recordId(), id -> new ArrayDeque<>(1)).add(entry);
            }
        }
        Map<Checkpoints.Place, List<Map.Entry<Integer, RecordOutcome>>> byPlace = new LinkedHashMap<>();
        for (RecordOutcome outcome : outcomes) {
            Deque<Lanes.Entry> entries = byRecordId.get(outcome.recordId());
            Lanes.Entry entry = entries == null ? null : entries.poll();
            if (entry != null) {
                byPlace.computeIfAbsent(entry.ticket.place, place -> new ArrayList<>())
                        .add(Map.entry(entry.ticket.position(entry.index), outcome));
            }
        }
        if (!byPlace.isEmpty()) {
            try {
                checkpoints.answered(callId, byPlace);
            } catch (RuntimeException e) {
                // the outcomes still go to their channels: only a crash before they are there would send them again
                LOG.warnf("the outcomes of an answered call could not be kept in the checkpoints (%s): a crash before "
                        + "they are in their channels would send its %d record(s) to Marketo again", e.getMessage(),
                        call.size());
            }
        }
    }
}
