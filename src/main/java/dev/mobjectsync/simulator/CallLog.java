package dev.mobjectsync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/** Every call the simulator answered: tests read it to count calls and batch sizes. */
@ApplicationScoped
public class CallLog {

    /**
     * One call: the operation, how many objects it carried, the fault code if it was refused, and whether
     * it arrived while another call in flight touched one of its objects ({@link SimulatorState#enter}).
     */
    public record Call(Instant at, String operation, String syncOperation, int objects, String faultCode,
            boolean overlapping) {

        /** A call that overlapped no other. */
        public Call(Instant at, String operation, String syncOperation, int objects, String faultCode) {
            this(at, operation, syncOperation, objects, faultCode, false);
        }
    }

    /** The calls that write: SOAP syncMObjects, REST Sync Opportunities / Roles and Update Program. */
    public static final Set<String> WRITES = Set.of("syncMObjects", "syncOpportunities", "syncOpportunityRoles",
            "updateProgram");

    private final List<Call> calls = new ArrayList<>();

    public synchronized void add(Call call) {
        calls.add(call);
    }

    /** The write calls ({@link #WRITES}), whichever API made them. */
    public synchronized List<Call> syncCalls() {
        return calls.stream().filter(c -> WRITES.contains(c.operation())).toList();
    }

    /**
     * The write calls so far: how many, how many objects they carried, the faults by code, and how many
     * overlapped another call in flight on one of their objects.
     */
    public synchronized Summary summary() {
        List<Call> sync = syncCalls();
        Map<String, Long> faults = new TreeMap<>(sync.stream().filter(c -> c.faultCode() != null)
                .collect(Collectors.groupingBy(Call::faultCode, Collectors.counting())));
        long answered = sync.stream().filter(c -> c.faultCode() == null).count();
        long objects = sync.stream().filter(c -> c.faultCode() == null).mapToLong(Call::objects).sum();
        long overlapping = sync.stream().filter(Call::overlapping).count();
        return new Summary(sync.size(), answered, objects, faults, overlapping);
    }

    /**
     * {@code objects} counts the objects of answered calls only; {@code overlapping} the write calls (answered
     * or refused) that arrived while another call in flight touched one of their objects.
     */
    public record Summary(long syncCalls, long answeredCalls, long objects, Map<String, Long> faults,
            long overlapping) {
    }

    public synchronized void clear() {
        calls.clear();
    }
}
