/**
 * Lints migration scripts for DDL that locks or rewrites a busy table, in the manner of squawk and
 * strong_migrations: {@link dev.carriers.lint.MigrationLinter} parses each script with PostgreSQL's
 * own grammar (libpg_query) and reports {@link dev.carriers.lint.Finding}s, each naming its {@link
 * dev.carriers.lint.Rule}, why it matters and the safe alternative.
 */
package dev.carriers.lint;
