package dev.carriers.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules {@link MigrationLinter} checks, each with a stable id (what suppression comments and
 * JSON output name), a severity, what it catches and the safe alternative. "Existing table" means
 * one not created in the same script: a table created in the same migration is empty and unseen by
 * other sessions, so nothing on it can block traffic.
 *
 * <p>Immutable; thread-safe.
 */
public enum Rule {

  /** CREATE or DROP INDEX without CONCURRENTLY on an existing table. */
  INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
      "CREATE INDEX / DROP INDEX without CONCURRENTLY on an existing table: blocks every write (DROP: every read too) until done",
      "CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY, alone in a migration of its own (it cannot run in a transaction)"),

  /** CREATE INDEX CONCURRENTLY IF NOT EXISTS. */
  CONCURRENT_INDEX_IF_NOT_EXISTS("concurrent-index-if-not-exists", Severity.ERROR,
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS: a failed build leaves the index behind INVALID, and a rerun finds it and skips the build, so the migration succeeds without a usable index",
      "drop IF NOT EXISTS, so that a rerun fails on the invalid leftover; or put DROP INDEX CONCURRENTLY IF EXISTS <index> before it in the same migration, so that a rerun builds it afresh"),

  /** ADD PRIMARY KEY / UNIQUE / EXCLUDE that builds its index under an ACCESS EXCLUSIVE lock. */
  CONSTRAINT_BUILDS_INDEX("constraint-builds-index", Severity.ERROR,
      "ADD PRIMARY KEY / UNIQUE / EXCLUDE on an existing table builds its index under an ACCESS EXCLUSIVE lock: no reads or writes until done",
      "CREATE UNIQUE INDEX CONCURRENTLY in one migration, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX in the next"),

  /** ADD COLUMN ... NOT NULL with no default on an existing table. */
  ADD_NOT_NULL_COLUMN_WITHOUT_DEFAULT("add-not-null-column-without-default", Severity.ERROR,
      "ADD COLUMN ... NOT NULL without a DEFAULT: fails on any table that has rows",
      "add the column with a constant DEFAULT (stored in the catalog, no rewrite), or nullable, backfill in batches, then add the NOT NULL in steps"),

  /** SET NOT NULL without a validated CHECK (col IS NOT NULL) before it. */
  SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check", Severity.ERROR,
      "ALTER COLUMN ... SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
      "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c in a later migration; then SET NOT NULL (no scan) and drop c"),

  /** ADD FOREIGN KEY / CHECK without NOT VALID on an existing table. */
  CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.ERROR,
      "ADD FOREIGN KEY / CHECK without NOT VALID checks every existing row while holding a lock that blocks writes",
      "ADD CONSTRAINT ... NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later migration: it blocks no reads or writes"),

  /** VALIDATE CONSTRAINT in the same transaction as the ADD CONSTRAINT ... NOT VALID it validates. */
  VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.ERROR,
      "VALIDATE CONSTRAINT in the same transaction as its ADD CONSTRAINT ... NOT VALID checks every row under the lock the ADD took (it blocks writes), so NOT VALID bought nothing",
      "VALIDATE CONSTRAINT in a later migration of its own: there it takes only SHARE UPDATE EXCLUSIVE, and reads and writes go on"),

  /**
   * ALTER COLUMN ... TYPE, except widening a varchar (or making it text) when the lint saw the
   * column's old type: that changes only the catalog (PostgreSQL 9.2+).
   */
  CHANGE_COLUMN_TYPE("change-column-type", Severity.ERROR,
      "ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (narrowing a varchar too); widening a varchar, or varchar to text, is not reported when a linted script declared the old type",
      "add a new column, backfill it in batches, switch readers and writers, then drop the old one; if the change is binary-compatible and the column was created outside the scripts linted, suppress with that reason"),

  /** RENAME COLUMN. */
  RENAME_COLUMN("rename-column", Severity.ERROR,
      "RENAME COLUMN breaks every running instance of the application that still uses the old name",
      "add the new column, write both, backfill, move readers, then drop the old column in a later release"),

  /** ALTER TABLE ... RENAME TO. */
  RENAME_TABLE("rename-table", Severity.ERROR,
      "RENAME TO breaks every running instance of the application that still uses the old name",
      "create the new table (or a view under the old name), move the application over, then drop the old name in a later release"),

  /** DROP COLUMN. */
  DROP_COLUMN("drop-column", Severity.ERROR,
      "DROP COLUMN breaks every running instance of the application that still reads or writes the column",
      "first release code that no longer uses the column, then drop it in a later migration (suppress with that reason)"),

  /** DROP TABLE. */
  DROP_TABLE("drop-table", Severity.ERROR,
      "DROP TABLE breaks every running instance of the application that still uses the table, and loses its data",
      "first release code that no longer uses the table, keep a backup, then drop it in a later migration (suppress with that reason)"),

  /** ADD COLUMN with a volatile default, identity or stored generated column on an existing table. */
  VOLATILE_DEFAULT("volatile-default", Severity.ERROR,
      "ADD COLUMN with a volatile DEFAULT (random(), clock_timestamp(), gen_random_uuid(), nextval/serial), identity or stored generated column rewrites the whole table under an ACCESS EXCLUSIVE lock",
      "add the column without a default (or with a constant or stable one such as now()), set the default in a second statement, backfill existing rows in batches"),

  /** VACUUM FULL or CLUSTER of an existing table (or of the whole database). */
  VACUUM_FULL_OR_CLUSTER("vacuum-full-or-cluster", Severity.ERROR,
      "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock: no reads or writes until the rewrite is done",
      "rebuild the table online with pg_repack (pg_repack --order-by or --index for CLUSTER's ordering) or pg_squeeze, outside the migrations; a plain VACUUM (no FULL) blocks no reads or writes"),

  /** REINDEX without CONCURRENTLY on an existing table or index (or a schema, database, the catalogs). */
  REINDEX_NOT_CONCURRENT("reindex-not-concurrent", Severity.ERROR,
      "REINDEX without CONCURRENTLY blocks writes to the table, and every query that would use the index, until the rebuild is done",
      "REINDEX ... CONCURRENTLY (PostgreSQL 12+), alone in a migration that runs outside a transaction: Flyway does not detect REINDEX TABLE/INDEX CONCURRENTLY as non-transactional, so give the script a <script>.sql.conf with executeInTransaction=false; REINDEX SYSTEM has no concurrent form: run it in a maintenance window, not a migration"),

  /** TRUNCATE of an existing table. */
  TRUNCATE_TABLE("truncate-table", Severity.ERROR,
      "TRUNCATE of an existing table deletes every row, for every running instance of the application, under an ACCESS EXCLUSIVE lock; it is not MVCC-safe (a transaction that started before it sees the table empty)",
      "delete only the rows meant to go, in batches, from a job; if emptying the table is the point (a cache, a staging table), suppress with that reason"),

  /** TRUNCATE ... CASCADE. */
  TRUNCATE_CASCADE("truncate-cascade", Severity.WARNING,
      "TRUNCATE ... CASCADE also empties every table with a foreign key to the ones named, and theirs in turn, without naming them",
      "name every table to empty; without CASCADE (RESTRICT, the default) TRUNCATE refuses when another table refers to them"),

  /** LOCK TABLE in SHARE mode or stronger on an existing table. */
  LOCK_TABLE("lock-table", Severity.WARNING,
      "LOCK TABLE in SHARE mode or stronger blocks writes to an existing table (ACCESS EXCLUSIVE, the default: reads too) until the migration commits: every statement after it runs under that lock",
      "leave locking to each statement, which takes only the lock it needs; if a fixed lock order is needed (against deadlocks), keep the migration short, set a lock_timeout (or use NOWAIT), and suppress with that reason"),

  /** A statement that cannot run in a transaction block, inside the script's own BEGIN ... COMMIT. */
  NON_TRANSACTIONAL_IN_TRANSACTION("non-transactional-in-transaction", Severity.ERROR,
      "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM and the like cannot run inside a transaction block: inside the script's BEGIN ... COMMIT they fail when the migration runs",
      "remove the BEGIN/COMMIT and give the statement a migration of its own: Flyway then runs it outside a transaction"),

  /** BEGIN/COMMIT that do not pair up, or a BEGIN in a script Flyway already runs in a transaction. */
  TRANSACTION_NESTING("transaction-nesting", Severity.ERROR,
      "a BEGIN nested in another block, or in the transaction Flyway runs the script in, is ignored and the COMMIT meant for it ends the outer transaction part-way; a COMMIT with no BEGIN; a BEGIN never committed",
      "leave transactions to Flyway: no BEGIN/COMMIT in a migration; where two steps must not share a transaction, make them two migrations"),

  /** Statements that cannot run in a transaction mixed with ones that can, in one script. */
  MIXED_TRANSACTION_MODES("mixed-transaction-modes", Severity.ERROR,
      "a script with a statement that cannot run in a transaction (CONCURRENTLY, VACUUM, CREATE DATABASE...) and others: Flyway refuses it, or with mixed=true runs each statement on its own, so a failure leaves it half-applied",
      "give the statement that cannot run in a transaction a migration of its own, with nothing else in it (not even a SET)"),

  /**
   * UPDATE or DELETE of an existing table with no WHERE, or one that is always true. An error: one
   * statement that changes every row of a busy table stalls its writers until the migration commits.
   */
  UPDATE_OR_DELETE_ALL_ROWS("update-or-delete-all-rows", Severity.ERROR,
      "UPDATE or DELETE of an existing table with no WHERE (or one always true) changes every row in one long transaction: it locks every row until the migration commits, so concurrent writers wait, and bloats the table and its indexes",
      "change the rows in batches (a few thousand by primary-key range, each committed on its own), in a separate migration Flyway runs outside a transaction (a DO block or procedure that COMMITs after each batch; executeInTransaction=false in its .sql.conf) or in a job after the deploy; to empty a table on purpose, see truncate-table"),

  /** DROP NOT NULL on an existing table. */
  DROP_NOT_NULL("drop-not-null", Severity.WARNING,
      "DROP NOT NULL breaks readers that rely on the column never being null (running instances of the application, reports, consumers) on the first null; putting it back later needs a scan of the whole table",
      "first release readers that handle null, then drop the constraint in a later migration (suppress with that reason); or add a new nullable column if the meaning changed"),

  /** DROP DATABASE. An error, not a warning as squawk has it: it loses a whole database, past any rollback. */
  DROP_DATABASE("drop-database", Severity.ERROR,
      "DROP DATABASE in a migration deletes a whole database, outside any transaction: nothing rolls it back",
      "drop a database by hand, after a backup, never from a migration"),

  /** integer / smallint columns in a PRIMARY KEY or FOREIGN KEY. */
  INTEGER_KEY_COLUMN("integer-key-column", Severity.WARNING,
      "an integer or smallint column in a PRIMARY KEY or FOREIGN KEY (REFERENCES): the values run out (2,147,483,647; smallint 32,767), and moving to bigint later rewrites the table and every table that references it",
      "bigint (for a generated key: bigint GENERATED BY DEFAULT AS IDENTITY), and bigint for the columns that reference it"),

  /** Identifiers longer than 63 bytes. */
  IDENTIFIER_TOO_LONG("identifier-too-long", Severity.WARNING,
      "an identifier longer than 63 bytes: PostgreSQL truncates it with only a NOTICE, so the object gets another name than the script's, and names alike in their first 63 bytes collide",
      "shorten it to at most 63 bytes (UTF-8 bytes, not characters: an accented letter takes two)"),

  /** char(n) columns. */
  CHAR_COLUMN("char-column", Severity.WARNING,
      "char(n) pads with spaces, compares surprisingly and is no faster than text",
      "text (or varchar(n)) with a CHECK on the length if one is needed"),

  /** serial / bigserial / smallserial columns. */
  SERIAL_COLUMN("serial-column", Severity.WARNING,
      "serial/bigserial create a separately owned sequence: permissions, dumps and copying the table behave surprisingly",
      "bigint GENERATED BY DEFAULT AS IDENTITY (or GENERATED ALWAYS AS IDENTITY)"),

  /** timestamp without time zone columns. */
  TIMESTAMP_WITHOUT_TIME_ZONE("timestamp-without-time-zone", Severity.WARNING,
      "timestamp without time zone stores a wall-clock reading: its meaning depends on the writer's time zone",
      "timestamptz (timestamp with time zone), which stores an instant"),

  /** Locking DDL on an existing table with no lock_timeout set before it. */
  LOCK_TIMEOUT_MISSING("lock-timeout-missing", Severity.ERROR,
      "locking DDL on an existing table without a lock_timeout: while it waits for its lock, every query on the table queues behind it",
      "start the migration with: set local lock_timeout = '5s';"),

  /** A suppression comment (or suppressions file entry) without a reason. */
  SUPPRESSION_WITHOUT_REASON("suppression-without-reason", Severity.ERROR,
      "a carriers-lint suppression comment must say why: -- carriers-lint: ignore <rule> -- <reason> (an entry of the suppressions file too: <file>: ignore <rule> -- <reason>)",
      "add the reason after a second --"),

  /** A suppression comment (or suppressions file entry) naming a rule that does not exist, or malformed. */
  SUPPRESSION_UNKNOWN_RULE("suppression-unknown-rule", Severity.ERROR,
      "a carriers-lint suppression comment or suppressions file entry names a rule that does not exist, or is malformed",
      "use a rule id from the rules table (carriers lint --help, docs/operations.md)"),

  /** A suppression comment (or suppressions file entry) that suppressed nothing. */
  UNUSED_SUPPRESSION("unused-suppression", Severity.WARNING,
      "a carriers-lint suppression comment suppresses nothing in the statement after it (an entry of the suppressions file: nothing in its script)",
      "remove it, or move it to the line before the statement it is meant for"),

  /** A script PostgreSQL's parser rejects. */
  SYNTAX_ERROR("syntax-error", Severity.ERROR,
      "PostgreSQL's parser rejects the script",
      "fix the SQL; the migration would fail to apply");

  private final String id;
  private final Severity severity;
  private final String description;
  private final String fix;

  Rule(String id, Severity severity, String description, String fix) {
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.fix = fix;
  }

  /** Returns the stable id, e.g. {@code index-not-concurrent}. */
  public String id() {
    return id;
  }

  /** Returns the severity. */
  public Severity severity() {
    return severity;
  }

  /** Returns what the rule catches and why it matters. */
  public String description() {
    return description;
  }

  /** Returns the safe alternative. */
  public String fix() {
    return fix;
  }

  /** Returns whether a comment may suppress the rule: not the ones about suppressions or syntax. */
  public boolean suppressible() {
    return this != SUPPRESSION_WITHOUT_REASON && this != SUPPRESSION_UNKNOWN_RULE
        && this != UNUSED_SUPPRESSION && this != SYNTAX_ERROR;
  }

  /**
   * Finds a rule by its id, ignoring case.
   *
   * @param id the id
   * @return the rule, or empty if there is none
   */
  public static Optional<Rule> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(rule -> rule.id.equals(wanted)).findFirst();
  }
}
