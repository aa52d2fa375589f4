package io.widrow.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the PostgreSQL server at WIDROW_TEST_PG_URL (default localhost:5432) with
 * WIDROW_TEST_PG_USER / WIDROW_TEST_PG_PASSWORD; the calling test is skipped when no server is reachable.
 */
final class TestPostgres implements AutoCloseable {
    static final String URL = env("WIDROW_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
    static final String USER = env("WIDROW_TEST_PG_USER", "widrow");
    static final String PASSWORD = env("WIDROW_TEST_PG_PASSWORD", "widrow");

    final String name = "widrow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private TestPostgres() {
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static TestPostgres create() {
        TestPostgres db = new TestPostgres();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db.name);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL to test against at " + URL + ": " + e.getMessage());
        }
        return db;
    }

    /** The JDBC URL of this database (the server URL with its database name replaced). */
    String url() {
        int q = URL.indexOf('?');
        String base = q < 0 ? URL : URL.substring(0, q);
        String params = q < 0 ? "" : URL.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /**
     * Drops the database. An autovacuum worker that has just connected to it belongs to no role the test user
     * may signal, so WITH (FORCE) can be refused ("must be a member of the role whose process is being
     * terminated"); the worker leaves within moments, so the drop is retried for a while before giving up.
     */
    @Override
    public void close() throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }
}
