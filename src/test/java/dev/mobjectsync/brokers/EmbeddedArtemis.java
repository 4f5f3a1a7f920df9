package dev.mobjectsync.brokers;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * A real ActiveMQ Artemis broker in this JVM, with a TCP acceptor on 127.0.0.1 (no persistence; no security,
 * or one user that must log in).
 */
public final class EmbeddedArtemis implements AutoCloseable {

    /** Held so the level set below stays set: JUL loggers are only weakly referenced. */
    private static final java.util.logging.Logger AUDIT = java.util.logging.Logger.getLogger(
            "org.apache.activemq.audit");

    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedArtemis(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    public static EmbeddedArtemis start() {
        return start(null);
    }

    /** A broker that lets only this user in, with every right (as the official image does by default). */
    public static EmbeddedArtemis startRequiringLogin(String user, String password) {
        return start(new ActiveMQSecurityManager() {
            @Override
            public boolean validateUser(String name, String secret) {
                return user.equals(name) && password.equals(secret);
            }

            @Override
            public boolean validateUserAndRole(String name, String secret, java.util.Set<Role> roles, CheckType type) {
                return validateUser(name, secret);
            }
        });
    }

    private static EmbeddedArtemis start(ActiveMQSecurityManager securityManager) {
        AUDIT.setLevel(java.util.logging.Level.WARNING);
        try {
            String url = "tcp://127.0.0.1:" + freePort();
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(securityManager != null)
                    .setJournalDirectory("target/artemis/journal")
                    .setBindingsDirectory("target/artemis/bindings")
                    .setLargeMessagesDirectory("target/artemis/large")
                    .setPagingDirectory("target/artemis/paging")
                    .addAcceptorConfiguration("tcp", url);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            if (securityManager != null) {
                server.setSecurityManager(securityManager);
            }
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
