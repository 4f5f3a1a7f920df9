package dev.mobjectsync.marketo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.mobjectsync.scale.ScratchDatabase;

/** A scratch PostgreSQL database holding the shared call ledger's tables, made by the application's migrations. */
final class LedgerDatabase implements AutoCloseable {

    private final ScratchDatabase database;

    private LedgerDatabase(ScratchDatabase database) {
        this.database = database;
    }

    static LedgerDatabase create() throws SQLException {
        LedgerDatabase ledger = new LedgerDatabase(ScratchDatabase.create());
        ledger.database.migrate();
        return ledger;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    /** No call, no hold, no count: as a fresh database. */
    void reset() throws SQLException {
        database.execute(
                "TRUNCATE mobject_sync_calls; UPDATE mobject_sync_quota SET day = DATE '1970-01-01', calls = 0,"
                        + " held_until = NULL, probe = NULL");
    }

    void execute(String sql) throws SQLException {
        database.execute(sql);
    }

    /** The first column of the first row of a query. */
    long count(String query) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
