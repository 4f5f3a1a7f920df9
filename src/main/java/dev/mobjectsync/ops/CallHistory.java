package dev.mobjectsync.ops;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** How the latest calls to Marketo went, for its health check and the status page. */
@ApplicationScoped
public class CallHistory {

    /** The latest call's end and outcome, and how many calls in a row went unanswered. */
    public record Latest(Instant endedAt, boolean answered, int unansweredInARow) {
    }

    private final Clock clock;
    private Latest latest;

    public CallHistory(Clock clock) {
        this.clock = clock;
    }

    public synchronized void callEnded(boolean answered) {
        int inARow = answered ? 0 : (latest == null ? 0 : latest.unansweredInARow()) + 1;
        latest = new Latest(clock.instant(), answered, inARow);
    }

    /** Null until the first call ended. */
    public synchronized Latest latest() {
        return latest;
    }
}
