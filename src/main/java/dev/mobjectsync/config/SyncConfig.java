package dev.mobjectsync.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Every {@code mobject-sync.*} key, validated at start-up by {@link SettingsValidator} (the constraints below, and
 * {@link BatchSizeFitsGateway}). Defaults live in
 * {@code src/main/resources/application.properties}; docs/configuration.md lists them.
 */
@ConfigMapping(prefix = "mobject-sync")
public interface SyncConfig {

    /** Marketo accepts at most this many MObjects in one syncMObjects call. */
    int MARKETO_MAX_BATCH = 100;

    Marketo marketo();

    Batch batch();

    @WithName("default-operation")
    @Pattern(regexp = "INSERT|UPDATE|UPSERT", message = "is '${validatedValue}'; must be one of INSERT, UPDATE, UPSERT")
    String defaultOperation();

    Validation validation();

    Results results();

    Sources sources();

    Channels channels();

    Repository repository();

    Retry retry();

    Limits limits();

    /**
     * Marketo's limits, kept by the CallPacer for all calls together (MARKETO.md §4); with a PostgreSQL
     * repository, for all replicas on it together (SharedCallLedger).
     */
    interface Limits {
        @WithName("max-concurrent-calls")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxConcurrentCalls();

        @WithName("calls-per-window")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int callsPerWindow();

        Duration window();

        @WithName("daily-budget")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int dailyBudget();

        /** After a 20015 (quota spent), how long calls wait before one probes again, if the day does not end first. */
        @WithName("quota-probe-interval")
        Duration quotaProbeInterval();

        /**
         * The part of the Marketo instance's limits above that this application may use, all its replicas
         * together (Marketo counts calls per instance, for every integration of it): 1 is all of them.
         */
        @DecimalMin(value = "0", inclusive = false, message = "is ${validatedValue}; must be more than 0")
        @DecimalMax(value = "1", message = "is ${validatedValue}; must be at most 1")
        double share();
    }

    /** Retries of a failed call (RetryPolicy decides which faults are retryable). */
    interface Retry {
        /** Calls in all, the first one included. */
        @WithName("max-attempts")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxAttempts();

        /** Milliseconds before the first retry; doubles with each retry. */
        @WithName("initial-backoff")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        long initialBackoff();

        /** Milliseconds: the longest wait between two attempts. */
        @WithName("max-backoff")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        long maxBackoff();
    }

    /** Where open and completed-but-unconfirmed batches are kept (DESIGN.md §5 "no loss on crash"). */
    interface Repository {
        @Pattern(regexp = "h2|postgres", message = "is '${validatedValue}'; must be h2 or postgres")
        String kind();

        @NotBlank(message = "is empty; must be set")
        String url();

        Optional<String> username();

        Optional<Secret> password();

        /** How often completed batches that were never confirmed (a crash mid-send) are sent again. */
        @WithName("recovery-interval")
        Duration recoveryInterval();

        /** After this many recoveries a batch's records go to dead-letter with RECOVERY_EXHAUSTED. */
        @WithName("max-recovery-attempts")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxRecoveryAttempts();

        /**
         * Replicas sharing the repository: a file lock or a batch being sent whose instance has not
         * renewed it for this long, or an open batch nobody has touched for this long, is taken over by
         * another instance (its owner is taken for dead).
         */
        @WithName("takeover-after")
        Duration takeoverAfter();

        /** How often an instance renews the file locks and sending claims it holds (less than takeover-after). */
        @WithName("heartbeat-interval")
        Duration heartbeatInterval();
    }

    interface Marketo {
        @Pattern(regexp = "soap|rest", message = "is '${validatedValue}'; must be soap or rest")
        String api();

        @NotBlank(message = "is empty; must be set")
        String endpoint();

        @WithName("user-id")
        @NotBlank(message = "is empty; must be set")
        String userId();

        @WithName("secret-key")
        Secret secretKey();

        Duration timeout();

        /** A longer answer is refused unread ({@code INVALID_RESPONSE}); real ones are a few kB. */
        @WithName("max-answer-chars")
        @Min(value = 1024, message = "is ${validatedValue}; must be at least {value}")
        long maxAnswerChars();

        /** Log every SOAP request and answer (CXF's logging feature, category org.apache.cxf.services). */
        @WithName("log-messages")
        boolean logMessages();

        /** The REST gateway's endpoints and credentials (used when {@code api=rest}). */
        Rest rest();
    }

    /** Marketo's REST API (MARKETO-REST.md): OAuth2 client credentials against the identity service. */
    interface Rest {
        /** {@code https://<munchkin>.mktorest.com/identity}; the token is asked at {@code <identity-url>/oauth/token}. */
        @WithName("identity-url")
        @NotBlank(message = "is empty; must be set")
        String identityUrl();

        /** {@code https://<munchkin>.mktorest.com}: the REST paths ({@code /rest/v1/...}) are appended. */
        @WithName("base-url")
        @NotBlank(message = "is empty; must be set")
        String baseUrl();

        @WithName("client-id")
        @NotBlank(message = "is empty; must be set")
        String clientId();

        @WithName("client-secret")
        Secret clientSecret();

        /** A cached token is renewed when it has less than this left to live. */
        @WithName("token-refresh-margin")
        Duration tokenRefreshMargin();

        /**
         * How the client credentials go to {@code <identity-url>/oauth/token}: {@code query}, as Marketo
         * documents it (query parameters of the POST), or {@code form} (the same parameters as a form body).
         */
        @WithName("token-request")
        @Pattern(regexp = "query|form", message = "is '${validatedValue}'; must be query or form")
        String tokenRequest();
    }

    interface Batch {
        /**
         * A cap on the records per call, below the gateway's own limit per type (BatchSizes); unset:
         * the gateway's limit. Checked against the chosen gateway at start-up.
         */
        // @formatter:off
        Optional<@Min(value = 1, message = "is ${validatedValue}; must be 1..100 with marketo.api=soap, 1..300 with rest")
                @Max(value = 300, message = "is ${validatedValue}; must be 1..100 with marketo.api=soap, 1..300 with rest") Integer> size();
        // @formatter:on

        Duration timeout();

        /**
         * Records the sending stage holds at most (accepted, kept in the repository, not yet answered):
         * waiting behind an earlier record of their object, ready for a call, or in one. When it holds
         * this many, the sources wait (back-pressure).
         */
        @WithName("max-waiting")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxWaiting();
    }

    interface Validation {
        @WithName("max-field-length")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxFieldLength();

        /** A Kafka or JMS message, or an NDJSON line, larger than this is refused whole ({@code RECORD_TOO_LARGE}). */
        @WithName("max-message-bytes")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int maxMessageBytes();

        /**
         * Top-level record fields (and CSV columns) of the sender's own, ignored; any other unknown one is
         * refused ({@code UNKNOWN_FIELD}, {@code UNKNOWN_COLUMN}). The channels' own fields are always ignored.
         */
        @WithName("ignored-fields")
        Optional<Set<String>> ignoredFields();
    }

    interface Results {
        /** Where records that Marketo answers SKIPPED go: {@code dead-letter} (default) or {@code success}. */
        @WithName("skipped-to")
        @Pattern(regexp = "dead-letter|success", message = "is '${validatedValue}'; must be dead-letter or success")
        String skippedTo();
    }

    interface Sources {
        FileSource file();

        KafkaSource kafka();

        JmsSource jms();
    }

    interface KafkaSource {
        boolean enabled();

        @NotBlank(message = "is empty; must be set")
        String brokers();

        @NotBlank(message = "is empty; must be set")
        String topic();

        @WithName("group-id")
        @NotBlank(message = "is empty; must be set")
        String groupId();
    }

    interface JmsSource {
        boolean enabled();

        /** Also the broker of JMS channels. */
        @WithName("broker-url")
        @NotBlank(message = "is empty; must be set")
        String brokerUrl();

        @NotBlank(message = "is empty; must be set")
        String queue();

        /** The broker's user; unset: connect without one (a broker that allows anonymous login). */
        Optional<String> username();

        Optional<Secret> password();

        @WithName("concurrent-consumers")
        @Min(value = 1, message = "is ${validatedValue}; must be at least {value}")
        int concurrentConsumers();
    }

    interface FileSource {
        boolean enabled();

        @NotBlank(message = "is empty; must be set")
        String inbox();

        /** Milliseconds between two looks at the inbox. */
        @WithName("poll-interval")
        @Min(value = 10, message = "is ${validatedValue}; must be at least {value}")
        long pollInterval();

        /** A file read for longer than this logs its progress once per interval. */
        @WithName("progress-interval")
        Duration progressInterval();
    }

    /** Camel endpoint URIs of the two channels every record leaves through. */
    interface Channels {
        @NotBlank(message = "is empty; must be set")
        String success();

        @WithName("dead-letter")
        @NotBlank(message = "is empty; must be set")
        String deadLetter();
    }
}
