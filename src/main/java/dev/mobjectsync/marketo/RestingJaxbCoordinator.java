package dev.mobjectsync.marketo;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;

/**
 * Leaves one JAXB coordinator active on the thread that sends a SOAP call (and, the call being synchronous,
 * reads its answer). For every element it reads, JAXB makes its own coordinator the thread's active one and
 * then puts back the one that was active before; when there was none, it removes the thread-local entry and
 * creates it again for the next element. That churn of the thread's ThreadLocal table was 119 of the 168 CPU
 * samples of reading answers, 10 % of the application's CPU over a SOAP run (BENCHMARKS.md). With this
 * coordinator resting on the thread, JAXB only swaps entries. It never handles an event itself: JAXB's own
 * coordinator is the active one whenever JAXB reads or writes.
 * <p>
 * Installed by {@link MarketoEndpoints}: on the Marketo client before a request is written, on the simulator's
 * service when a request arrives (its worker threads read requests the same way).
 */
final class RestingJaxbCoordinator extends Coordinator {

    private RestingJaxbCoordinator() {
    }

    /** The interceptor that makes sure the thread of a message has one, early in the given phase. */
    static final class OnEveryCall extends AbstractPhaseInterceptor<Message> {

        OnEveryCall(String phase) {
            super(phase);
        }

        @Override
        public void handleMessage(Message message) throws Fault {
            restOnThisThread();
        }
    }

    /** Makes a resting coordinator this thread's active one, unless one is active already. */
    static void restOnThisThread() {
        if (Coordinator._getInstance() == null) {
            new RestingJaxbCoordinator().pushCoordinator();
        }
    }

    @Override
    protected ValidationEventLocator getLocation() {
        return null;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        return false;
    }
}
