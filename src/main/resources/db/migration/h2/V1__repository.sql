-- The repository's tables on H2. VARBINARY (up to 1 GB) is stored inline; a BLOB goes through H2's LOB storage,
-- several times slower.
-- IF NOT EXISTS: a database whose tables the start-up code of earlier versions created is adopted as it is
-- (baseline-on-migrate marks it version 0, then this script finds every table in place).

-- Camel's JdbcAggregationRepository: open batches, and completed batches until their sending is confirmed
CREATE TABLE IF NOT EXISTS mobject_sync_batches (id VARCHAR(255) NOT NULL, exchange VARBINARY NOT NULL,
    version BIGINT NOT NULL, CONSTRAINT mobject_sync_batches_pk PRIMARY KEY (id));
CREATE TABLE IF NOT EXISTS mobject_sync_batches_completed (id VARCHAR(255) NOT NULL, exchange VARBINARY NOT NULL,
    version BIGINT NOT NULL, CONSTRAINT mobject_sync_batches_completed_pk PRIMARY KEY (id));

-- Camel's JDBC idempotent repository for read locks; the key makes two instances' claims of one lock collide
-- instead of both succeeding
CREATE TABLE IF NOT EXISTS mobject_sync_locks (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(1024) NOT NULL,
    createdAt TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT mobject_sync_locks_pk PRIMARY KEY (processorName, messageId));

-- dev.mobjectsync.batch.Checkpoints: Marketo's answers kept before their records go to a channel
CREATE TABLE IF NOT EXISTS mobject_sync_checkpoints (source VARCHAR(1024) NOT NULL, unit INT NOT NULL,
    call_id VARCHAR(64) NOT NULL, indexes VARCHAR(8000) NOT NULL, outcomes VARBINARY,
    CONSTRAINT mobject_sync_checkpoints_pk PRIMARY KEY (source, unit, call_id));
