package dev.mobjectsync.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.mobjectsync.model.RecordOutcome;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * What a crash must not cost again: for the records of a chunk of the repository, or of a unit of a file,
 * which of them Marketo has answered (with their outcomes, written before they go to a channel) and which
 * are in a channel; which units of a file are done. The sending stage writes it; whoever takes a chunk or a
 * file back after a crash reads it, so that an answered record is never sent to Marketo again (its stored
 * outcome goes to its channel) and a record in a channel is not delivered again. A place is a source (a
 * chunk id, or a file's identity) and a unit in it (0 for a chunk). Rows go when their chunk is confirmed or
 * their file has moved.
 */
@Singleton
@Named("checkpoints")
public class Checkpoints {

    public static final String TABLE = "mobject_sync_checkpoints";
    private static final String DONE = "done";
    private static final String REFUSED = "refused";

    /** Where records come from: a chunk of the repository (unit 0), or one unit of a file. */
    public record Place(String source, int unit) {
    }

    /** What the last run left of one place. */
    public static final class Left {
        boolean done;
        boolean refusedWritten;
        final Set<Integer> written = new HashSet<>();
        final Map<Integer, RecordOutcome> answered = new HashMap<>();

        public boolean done() {
            return done;
        }

        /** The unit's refused records are in the dead-letter channel. */
        public boolean refusedWritten() {
            return refusedWritten;
        }

        /** Indexes of records in a channel. */
        public Set<Integer> written() {
            return written;
        }

        /** Index → outcome of records Marketo answered that may not be in their channel yet. */
        public Map<Integer, RecordOutcome> answered() {
            return answered;
        }

        public boolean isEmpty() {
            return !done && !refusedWritten && written.isEmpty() && answered.isEmpty();
        }
    }

    private final DataSource dataSource;

    @Inject
    public Checkpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marketo answered one call: for each place it touched, the indexes of its records there and their
     * outcomes (same order), kept before any of them goes to a channel.
     */
    public void answered(String callId, Map<Place, List<Map.Entry<Integer, RecordOutcome>>> byPlace) {
        update(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (source, unit, call_id, indexes, outcomes) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Place, List<Map.Entry<Integer, RecordOutcome>>> place : byPlace.entrySet()) {
                    StringBuilder indexes = new StringBuilder();
                    ArrayList<RecordOutcome> outcomes = new ArrayList<>();
                    for (Map.Entry<Integer, RecordOutcome> record : place.getValue()) {
                        indexes.append(indexes.length() == 0 ? "" : ",").append(record.getKey());
                        outcomes.add(record.getValue());
                    }
                    insert.setString(1, place.getKey().source());
                    insert.setInt(2, place.getKey().unit());
                    insert.setString(3, callId);
                    insert.setString(4, indexes.toString());
                    insert.setBytes(5, StoredOutcomes.encode(outcomes));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The outcomes of one answered call are in their channels, for these places of it. */
    public void written(String callId, Collection<Place> places) {
        update(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET outcomes = NULL WHERE source = ? AND unit = ? AND call_id = ?")) {
                for (Place place : places) {
                    statement.setString(1, place.source());
                    statement.setInt(2, place.unit());
                    statement.setString(3, callId);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** The stored outcomes of a place went to their channels again (after a restart). */
    public void rewritten(Place place) {
        update(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET outcomes = NULL WHERE source = ? AND unit = ?")) {
                statement.setString(1, place.source());
                statement.setInt(2, place.unit());
                statement.executeUpdate();
            }
        });
    }

    /** A unit of a file whose refused records are in the dead-letter channel (its valid ones follow). */
    public void refusedWritten(Place place) {
        update(connection -> insertMarker(connection, place, REFUSED));
    }

    /** Every record of a unit of a file is in a channel, or kept in the repository: a later reading skips it. */
    public void unitDone(Place place) {
        update(connection -> {
            forget(connection, place);
            insertMarker(connection, place, DONE);
        });
    }

    /** A file has moved: everything about it goes. */
    public void forgetSource(String source) {
        update(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + TABLE
                    + " WHERE source = ?")) {
                statement.setString(1, source);
                statement.executeUpdate();
            }
        });
    }

    /** What the last runs left of every unit of a source. */
    public Map<Integer, Left> of(String source) {
        Map<Integer, Left> units = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT unit, call_id, indexes, outcomes FROM " + TABLE + " WHERE source = ?")) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Left left = units.computeIfAbsent(rows.getInt(1), unit -> new Left());
                    String callId = rows.getString(2);
                    if (DONE.equals(callId)) {
                        left.done = true;
                    } else if (REFUSED.equals(callId)) {
                        left.refusedWritten = true;
                    } else {
                        List<Integer> indexes = parse(rows.getString(3));
                        byte[] outcomes = rows.getBytes(4);
                        if (outcomes == null) {
                            left.written.addAll(indexes);
                        } else {
                            List<RecordOutcome> stored = StoredOutcomes.decode(outcomes);
                            for (int i = 0; i < indexes.size(); i++) {
                                left.answered.put(indexes.get(i), stored.get(i));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the checkpoints of " + source + ": " + e.getMessage(), e);
        }
        return units;
    }

    /** What the last runs left of one place (empty when nothing). */
    public Left of(Place place) {
        Left left = of(place.source()).get(place.unit());
        return left != null ? left : new Left();
    }

    /**
     * At start-up: rows whose source is neither a chunk still in the repository nor a file still where it was
     * read (it moved while its rows were being removed, or a crash came in between) go.
     */
    public int forgetStale(Predicate<String> stillThere) {
        Set<String> sources = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT source FROM " + TABLE)) {
            while (rows.next()) {
                sources.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the checkpoints: " + e.getMessage(), e);
        }
        int gone = 0;
        for (String source : sources) {
            if (!stillThere.test(source)) {
                forgetSource(source);
                gone++;
            }
        }
        return gone;
    }

    private static void forget(Connection connection, Place place) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE source = ? AND unit = ?")) {
            statement.setString(1, place.source());
            statement.setInt(2, place.unit());
            statement.executeUpdate();
        }
    }

    private static void insertMarker(Connection connection, Place place, String marker) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (source, unit, call_id, indexes) VALUES (?, ?, ?, '')")) {
            insert.setString(1, place.source());
            insert.setInt(2, place.unit());
            insert.setString(3, marker);
            insert.executeUpdate();
        }
    }

    private static List<Integer> parse(String indexes) {
        List<Integer> parsed = new ArrayList<>();
        if (!indexes.isEmpty()) {
            for (String index : indexes.split(",")) {
                parsed.add(Integer.parseInt(index));
            }
        }
        return parsed;
    }

    /** One transaction. */
    private void update(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the checkpoints: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }
}
