package dev.mobjectsync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Every call the simulator answered: tests read it to count calls and batch sizes. */
@ApplicationScoped
public class CallLog {

    /** One call: the operation, how many objects it carried, and the fault code if it was refused. */
    public record Call(Instant at, String operation, String syncOperation, int objects, String faultCode) {
    }

    private final List<Call> calls = new ArrayList<>();

    public synchronized void add(Call call) {
        calls.add(call);
    }

    public synchronized List<Call> syncCalls() {
        return calls.stream().filter(c -> c.operation().equals("syncMObjects")).toList();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
