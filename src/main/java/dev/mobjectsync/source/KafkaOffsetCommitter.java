package dev.mobjectsync.source;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Commits a Kafka message's offset once every record of it is safe (in the aggregation repository or
 * already in a channel): the last step of the Kafka ingest route, never before.
 */
@ApplicationScoped
@Named("kafkaOffsetCommitter")
public class KafkaOffsetCommitter {

    @Handler
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("the Kafka source must run with allowManualCommit=true");
        }
        commit.commit();
    }
}
