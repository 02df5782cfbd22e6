package dev.carriers.schema.lifecycle;

/**
 * A lock a migration took, as {@code pg_locks} shows it.
 *
 * @param relation the relation, schema-qualified ({@code public.carriers}), or its OID when the
 *     migration dropped it
 * @param mode the lock mode, such as {@code AccessExclusiveLock}
 */
public record LockTaken(String relation, String mode) {
}
