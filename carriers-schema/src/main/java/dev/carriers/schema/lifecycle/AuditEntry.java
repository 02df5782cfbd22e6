package dev.carriers.schema.lifecycle;

import java.time.Instant;

/**
 * One schema-change attempt from the audit table.
 *
 * @param id the entry's id, increasing
 * @param command {@code migrate}, {@code rollback}, {@code baseline}, {@code clean}, or an operation
 *     composed of them through {@code CarriersMigrations.audited}, such as the CLI's {@code reset}
 * @param arguments the command's arguments, such as {@code steps=1}, or empty
 * @param databaseUser the database role ({@code current_user})
 * @param osUser the operating-system user of the process
 * @param host the host name of the machine that ran it
 * @param startedAt when it started
 * @param durationMillis how long it took, or null while running
 * @param outcome how it ended
 * @param fromVersion the schema version before, or null
 * @param toVersion the schema version after, or null
 * @param versions the versions applied or undone, comma-separated, or empty
 * @param error the error message, or null
 */
public record AuditEntry(long id, String command, String arguments, String databaseUser, String osUser,
    String host, Instant startedAt, Long durationMillis, AuditOutcome outcome, String fromVersion,
    String toVersion, String versions, String error) {
}
