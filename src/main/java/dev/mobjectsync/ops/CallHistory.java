package dev.mobjectsync.ops;

import java.time.Clock;
import java.time.Instant;

import dev.mobjectsync.marketo.MarketoFault;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How the latest calls to Marketo went, for its health check and the status page: answered (with a fault or
 * not), or unanswered (a transport error), and the latest call's fault.
 */
@ApplicationScoped
public class CallHistory {

    /**
     * The latest call's end and outcome, how many calls in a row went unanswered, and its fault (null when it
     * succeeded): a call Marketo refused with a fault was answered.
     */
    public record Latest(Instant endedAt, boolean answered, int unansweredInARow, MarketoFault fault) {
    }

    private final Clock clock;
    private Latest latest;

    public CallHistory(Clock clock) {
        this.clock = clock;
    }

    public synchronized void callEnded(boolean answered, MarketoFault fault) {
        int inARow = answered ? 0 : (latest == null ? 0 : latest.unansweredInARow()) + 1;
        latest = new Latest(clock.instant(), answered, inARow, fault);
    }

    /** Null until the first call ended. */
    public synchronized Latest latest() {
        return latest;
    }
}
