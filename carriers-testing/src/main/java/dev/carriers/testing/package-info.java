/**
 * Test database kit: migrates a template database once per JVM and hands each test class (or each
 * test method, through an annotated field or parameter) a fresh clone of it, or an empty database,
 * dropped afterwards. {@link dev.carriers.testing.CarriersDatabase} is the JUnit 5 entry point;
 * {@link dev.carriers.testing.TestDatabaseFactory} is the programmatic one. The server comes from
 * {@link dev.carriers.postgres.PostgresServer}.
 */
package dev.carriers.testing;
