package dev.carriers.testing;

import dev.carriers.postgres.PostgresServer;
import dev.carriers.postgres.ThrowawayDatabase;

/**
 * One database created by the kit for a test (a clone of the template, or an empty database): a
 * {@link ThrowawayDatabase}, so closing it drops it, and a database whose JVM died before closing it
 * is dropped by the next JVM that uses the kit on the same server.
 *
 * <p>Thread-safe: the data source opens a new connection per call.
 */
public final class TestDatabase extends ThrowawayDatabase {

  TestDatabase(PostgresServer server, String name) {
    super(server, name);
  }
}
