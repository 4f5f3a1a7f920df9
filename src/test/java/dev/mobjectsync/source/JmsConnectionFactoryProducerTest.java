package dev.mobjectsync.source;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.brokers.EmbeddedArtemis;
import dev.mobjectsync.config.Secret;

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
        try (Connection connection = jms(Optional.of("mobject-sync"), Optional.of(Secret.of("broker-secret")))
                .createConnection()) {
            connection.start();
        }
    }

    @Test
    void withoutAUserABrokerThatRequiresLoginRefusesTheConnection() {
        assertThrows(JMSSecurityException.class, () -> jms(Optional.empty(), Optional.empty()).createConnection()
                .close());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(JMSSecurityException.class,
                () -> jms(Optional.of("mobject-sync"), Optional.of(Secret.of("old-secret"))).createConnection()
                        .close());
    }

    private static ActiveMQConnectionFactory jms(Optional<String> username, Optional<Secret> password) {
        return JmsConnectionFactoryProducer.artemis(broker.url(), username, password);
    }
}
