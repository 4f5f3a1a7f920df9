package dev.mobjectsync.marketo;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import dev.mobjectsync.model.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Joins the outcomes of a split batch's halves into one list, so the batch still answers one outcome
 * per record. A half that failed without outcomes (a shutdown in the middle) fails the whole: the
 * batch then stays in the repository and is sent again, rather than half of it going missing.
 */
@ApplicationScoped
@Named("outcomesOfHalves")
public class OutcomesOfHalves implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange joined, Exchange half) {
        if (joined != null && joined.getException() != null) {
            return joined;
        }
        if (half.getException() != null) {
            Exchange failed = joined != null ? joined : half;
            failed.setException(half.getException());
            return failed;
        }
        List<RecordOutcome> outcomes = new ArrayList<>();
        if (joined != null) {
            outcomes.addAll(outcomesOf(joined));
        }
        outcomes.addAll(outcomesOf(half));
        Exchange result = joined != null ? joined : half;
        result.getMessage().setBody(outcomes);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<RecordOutcome> outcomesOf(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
