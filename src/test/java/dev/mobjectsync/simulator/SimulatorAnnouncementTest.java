package dev.mobjectsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** The start-up warning says the simulator answers every call, and only while it runs. */
class SimulatorAnnouncementTest {

    private static List<LogRecord> announced(boolean active) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(SimulatorAnnouncement.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            new SimulatorAnnouncement().announce(null, PackagedSimulatorConfig.with(
                    Map.of("mobject-sync.simulator.active", String.valueOf(active))));
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    @Test
    void aRunningSimulatorIsAnnouncedAsAWarningWithWhatToSetToSendForReal() {
        List<LogRecord> records = announced(true);
        assertEquals(1, records.size());
        LogRecord warning = records.get(0);
        String message = String.format(warning.getMessage(), warning.getParameters());
        assertTrue(warning.getLevel().intValue() >= Level.WARNING.intValue() && warning.getLevel()
                .intValue() < Level.SEVERE.intValue(),
                warning.getLevel().toString());
        assertTrue(message.startsWith("Marketo simulator: nothing is sent to Marketo"), message);
        assertTrue(message.contains("mobject-sync.simulator.enabled=auto") && message.contains(
                "mobject-sync.marketo.endpoint")
                && message.contains("mobject-sync.marketo.rest.base-url"), message);
    }

    @Test
    void aStoppedSimulatorSaysNothing() {
        assertEquals(List.of(), announced(false));
    }
}
