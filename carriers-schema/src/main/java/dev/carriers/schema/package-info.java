/**
 * The carriers schema: its Flyway migrations (in {@code db/migration} on the class path) and the API
 * that applies, lists and validates them. The generated jOOQ classes live in
 * {@code dev.carriers.schema.jooq}.
 */
package dev.carriers.schema;
