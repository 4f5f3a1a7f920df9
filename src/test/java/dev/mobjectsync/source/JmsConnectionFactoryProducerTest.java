package dev.mobjectsync.source;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.brokers.EmbeddedArtemis;
import dev.mobjectsync.config.Secret;
import dev.mobjectsync.config.SyncConfig;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;

/** The JMS connection factory logs in with sources.jms.username / password (Artemis' image requires a login). */
class JmsConnectionFactoryProducerTest {

    private static EmbeddedArtemis broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedArtemis.startRequiringLogin("mobject-sync", "broker-secret");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aConfiguredUserAndPasswordLogIn() throws Exception {
        try (Connection connection = JmsConnectionFactoryProducer
                .artemis(jms(Optional.of("mobject-sync"), Optional.of(Secret.of("broker-secret")))).createConnection()) {
            connection.start();
        }
    }

    @Test
    void withoutAUserABrokerThatRequiresLoginRefusesTheConnection() {
        assertThrows(JMSSecurityException.class, () -> JmsConnectionFactoryProducer
                .artemis(jms(Optional.empty(), Optional.empty())).createConnection().close());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(JMSSecurityException.class, () -> JmsConnectionFactoryProducer
                .artemis(jms(Optional.of("mobject-sync"), Optional.of(Secret.of("old-secret")))).createConnection().close());
    }

    private static SyncConfig.JmsSource jms(Optional<String> username, Optional<Secret> password) {
        return new SyncConfig.JmsSource() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String brokerUrl() {
                return broker.url();
            }

            @Override
            public String queue() {
                return "q";
            }

            @Override
            public Optional<String> username() {
                return username;
            }

            @Override
            public Optional<Secret> password() {
                return password;
            }

            @Override
            public int concurrentConsumers() {
                return 1;
            }
        };
    }
}
