package dev.mobjectsync.marketo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.mobjectsync.scale.ScratchDatabase;

/** A scratch PostgreSQL database holding the shared call ledger's tables, as migration V2 makes them. */
final class LedgerDatabase implements AutoCloseable {

    private static final String MIGRATION = "db/migration/postgres/V2__call_ledger.sql";

    private final ScratchDatabase database;

    private LedgerDatabase(ScratchDatabase database) {
        this.database = database;
    }

    static LedgerDatabase create() throws SQLException, IOException {
        LedgerDatabase ledger = new LedgerDatabase(ScratchDatabase.create());
        try (InputStream sql = LedgerDatabase.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            ledger.database.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ledger;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    /** No call, no hold, no count: as a fresh database. */
    void reset() throws SQLException {
        database.execute("TRUNCATE mobject_sync_calls; UPDATE mobject_sync_quota SET day = DATE '1970-01-01', calls = 0,"
                + " held_until = NULL, probe = NULL");
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
