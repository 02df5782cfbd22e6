/**
 * For users' tests: a JUnit 5 extension giving each test class a database that is migrated and
 * seeded, cloned from a template so seeding costs nothing per class. Needs {@code carriers-testing}
 * on the test class path (an optional dependency of this module).
 */
package dev.carriers.seed.testing;
