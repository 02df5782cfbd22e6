/**
 * A scripted database for unit tests of code that uses the carriers DAO, without PostgreSQL:
 * {@link dev.carriers.testing.mock.MockDatabase}, built on jOOQ's {@code MockDataProvider}.
 */
package dev.carriers.testing.mock;
