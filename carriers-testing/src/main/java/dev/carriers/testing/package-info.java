/**
 * Test database kit: finds a PostgreSQL server, migrates a template database once per JVM and hands
 * each test class a fresh clone of it, dropped afterwards. {@link dev.carriers.testing.CarriersDatabase}
 * is the JUnit 5 entry point; {@link dev.carriers.testing.TestDatabaseFactory} is the programmatic one.
 */
package dev.carriers.testing;
