package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;
import org.junit.jupiter.api.Test;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlRootElement;

/** JAXB reads and writes as usual with a resting coordinator on the thread, and puts it back after each element. */
class RestingJaxbCoordinatorTest {

    @XmlRootElement(name = "item")
    public static class Item {
        public String name;
        public int count;
    }

    @Test
    void jaxbSwapsItsOwnCoordinatorWithTheRestingOne() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(); // a thread of its own: nothing active yet
        try {
            CompletableFuture.runAsync(() -> {
                assertNull(Coordinator._getInstance(), "no coordinator on a new thread");
                RestingJaxbCoordinator.restOnThisThread();
                Coordinator resting = Coordinator._getInstance();
                assertNotNull(resting, "the resting coordinator is the thread's active one");

                try {
                    JAXBContext context = JAXBContext.newInstance(Item.class);
                    Item read = (Item) context.createUnmarshaller().unmarshal(new StringReader(
                            "<item><name>a &amp; &lt;b&gt;</name><count>2</count></item>"));
                    assertEquals("a & <b>", read.name);
                    assertEquals(2, read.count);
                    assertSame(resting, Coordinator._getInstance(), "back after reading");

                    StringWriter written = new StringWriter();
                    context.createMarshaller().marshal(read, written);
                    assertEquals(true, written.toString().contains("<name>a &amp; &lt;b&gt;</name>"), written
                            .toString());
                    assertSame(resting, Coordinator._getInstance(), "back after writing");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }

                RestingJaxbCoordinator.restOnThisThread();
                assertSame(resting, Coordinator._getInstance(), "one per thread, not one per call");
            }, thread).get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
