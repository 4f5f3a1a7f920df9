package dev.mobjectsync.brokers;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real ActiveMQ Artemis broker in this JVM, with a TCP acceptor on 127.0.0.1 (no persistence, no security). */
public final class EmbeddedArtemis implements AutoCloseable {

    /** Held so the level set below stays set: JUL loggers are only weakly referenced. */
    private static final java.util.logging.Logger AUDIT = java.util.logging.Logger.getLogger("org.apache.activemq.audit");

    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedArtemis(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    public static EmbeddedArtemis start() {
        AUDIT.setLevel(java.util.logging.Level.WARNING);
        try {
            String url = "tcp://127.0.0.1:" + freePort();
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJournalDirectory("target/artemis/journal")
                    .setBindingsDirectory("target/artemis/bindings")
                    .setLargeMessagesDirectory("target/artemis/large")
                    .setPagingDirectory("target/artemis/paging")
                    .addAcceptorConfiguration("tcp", url);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            server.start();
            return new EmbeddedArtemis(server, url);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Artemis broker", e);
        }
    }
}
