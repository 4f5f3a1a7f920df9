-- The calls to Marketo of every replica sharing this database, so that together they keep Marketo's
-- limits (README "Replicas"; marketo/SharedCallLedger). One row per call: it counts as in flight while
-- ended_at is NULL, and in the sliding window until one window after ended_at. seen_at is renewed by
-- its replica's heartbeat; replica is the second key of the advisory lock the replica holds while alive.
CREATE TABLE IF NOT EXISTS mobject_sync_calls (
    id BIGSERIAL NOT NULL,
    replica INT NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mobject_sync_calls_pk PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS mobject_sync_calls_replica ON mobject_sync_calls (replica);

-- One row: the calls made on Marketo's day (America/Chicago), and the hold after Marketo said the day's
-- quota is spent (20015, REST 607) with the call that probes whether it is back. Every place taken locks
-- this row, so the checks and the insert of a call are one decision for the whole group.
CREATE TABLE IF NOT EXISTS mobject_sync_quota (
    id INT NOT NULL,
    day DATE NOT NULL,
    calls INT NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE,
    probe BIGINT,
    CONSTRAINT mobject_sync_quota_pk PRIMARY KEY (id),
    CONSTRAINT mobject_sync_quota_one_row CHECK (id = 1)
);
INSERT INTO mobject_sync_quota (id, day, calls) VALUES (1, DATE '1970-01-01', 0) ON CONFLICT (id) DO NOTHING;
