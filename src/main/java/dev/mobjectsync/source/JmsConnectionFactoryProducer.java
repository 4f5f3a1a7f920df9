package dev.mobjectsync.source;

import java.util.Optional;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

import dev.mobjectsync.config.Secret;
import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;

/**
 * The JMS connection factory of the JMS source and channels: ActiveMQ Artemis at
 * {@code mobject-sync.sources.jms.broker-url}, logged in as {@code sources.jms.username} when one is set,
 * with sessions and producers cached so that writing to a JMS channel does not open a connection per
 * message. Consumers are not cached (the listener
 * container manages them). Nothing connects until a JMS route starts.
 */
@ApplicationScoped
public class JmsConnectionFactoryProducer {

    @Produces
    @ApplicationScoped
    ConnectionFactory connectionFactory(SyncConfig config) {
        SyncConfig.JmsSource jms = config.sources().jms();
        CachingConnectionFactory caching = new CachingConnectionFactory(
                artemis(jms.brokerUrl(), jms.username(), jms.password()));
        caching.setCacheConsumers(false);
        caching.setSessionCacheSize(10);
        return caching;
    }

    /** The broker at {@code broker-url}, with the user and password when they are configured. */
    static ActiveMQConnectionFactory artemis(String brokerUrl, Optional<String> username, Optional<Secret> password) {
        return new ActiveMQConnectionFactory(brokerUrl, username.orElse(null),
                password.map(Secret::reveal).orElse(null));
    }

    void close(@Disposes ConnectionFactory factory) {
        if (factory instanceof CachingConnectionFactory caching) {
            caching.destroy();
        }
    }
}
