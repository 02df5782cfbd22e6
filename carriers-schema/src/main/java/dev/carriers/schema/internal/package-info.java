/**
 * Not API: how the migration lifecycle works inside (script catalogue, SQL splitting, the schema
 * lock, the audit table, rollback, dry-run and baseline engines). May change in any release.
 */
package dev.carriers.schema.internal;
