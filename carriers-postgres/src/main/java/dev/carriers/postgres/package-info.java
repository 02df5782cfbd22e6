/**
 * Throwaway PostgreSQL databases, for tests and for the build's code generation:
 * {@link dev.carriers.postgres.PostgresServer} finds a server (an explicit URL, the local server,
 * or Testcontainers) and {@link dev.carriers.postgres.ThrowawayDatabase} creates a database on it
 * that is dropped when closed, or by the next run if the JVM was killed first.
 */
package dev.carriers.postgres;
