package dev.carriers.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.lint.internal.MigrationFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule against a bad and a good example, through the real libpg_query. */
class RulesTest {

  private static final MigrationLinter LINTER = MigrationLinter.configure().load();
  private static final String TIMEOUT = "set local lock_timeout = '5s';\n";

  private static List<Rule> rules(String sql) {
    return LINTER.lint(List.of(new MigrationScript("V9__test.sql", sql))).findings().stream()
        .map(Finding::rule).toList();
  }

  @Test
  void indexNotConcurrent() {
    assertThat(rules(TIMEOUT + "create index carriers_x on carriers (name);")).containsExactly(Rule.INDEX_NOT_CONCURRENT);
    assertThat(rules(TIMEOUT + "drop index carriers_x;")).containsExactly(Rule.INDEX_NOT_CONCURRENT);
    assertThat(rules("create index concurrently carriers_x on carriers (name);")).isEmpty();
    assertThat(rules("drop index concurrently if exists carriers_x;")).isEmpty();
    assertThat(rules("create table t (a int);\ncreate index t_a on t (a);\ndrop index t_a;")).isEmpty();
  }

  @Test
  void concurrentIndexIfNotExists() {
    assertThat(rules("create index concurrently if not exists carriers_x on carriers (name);"))
        .containsExactly(Rule.CONCURRENT_INDEX_IF_NOT_EXISTS);
    assertThat(rules("create unique index concurrently if not exists carriers_x on carriers (name);"))
        .containsExactly(Rule.CONCURRENT_INDEX_IF_NOT_EXISTS);
    // A rerun either fails loudly on the leftover, or drops it first and builds afresh.
    assertThat(rules("create index concurrently carriers_x on carriers (name);")).isEmpty();
    assertThat(rules("drop index concurrently if exists carriers_x;\n"
        + "create index concurrently carriers_x on carriers (name);")).isEmpty();
    assertThat(rules("create table t (a int);\ncreate index if not exists t_a on t (a);")).isEmpty();
  }

  @Test
  void constraintBuildsIndex() {
    assertThat(rules(TIMEOUT + "alter table carriers add constraint k unique (name);"))
        .containsExactly(Rule.CONSTRAINT_BUILDS_INDEX);
    assertThat(rules(TIMEOUT + "alter table carriers add constraint k unique using index carriers_k;")).isEmpty();
  }

  @Test
  void addNotNullColumnWithoutDefault() {
    assertThat(rules(TIMEOUT + "alter table carriers add column dot text not null;"))
        .containsExactly(Rule.ADD_NOT_NULL_COLUMN_WITHOUT_DEFAULT);
    assertThat(rules(TIMEOUT + "alter table carriers add column dot text not null default '';")).isEmpty();
    assertThat(rules(TIMEOUT + "alter table carriers add column dot text;")).isEmpty();
  }

  @Test
  void setNotNullWithoutCheck() {
    assertThat(rules(TIMEOUT + "alter table carriers alter column mc_number set not null;"))
        .containsExactly(Rule.SET_NOT_NULL_WITHOUT_CHECK);
    // A NOT VALID check that was never validated proves nothing.
    assertThat(rules(TIMEOUT + "alter table carriers add constraint c check (mc_number is not null) not valid;\n"
        + "alter table carriers alter column mc_number set not null;"))
        .containsExactly(Rule.SET_NOT_NULL_WITHOUT_CHECK);
    // Validated in an earlier migration: SET NOT NULL needs no scan.
    LintReport report = LINTER.lint(List.of(
        new MigrationScript("V1__a.sql", TIMEOUT + "alter table carriers add constraint c check (mc_number is not null) not valid;"),
        new MigrationScript("V2__b.sql", TIMEOUT + "alter table carriers validate constraint c;"),
        new MigrationScript("V3__c.sql", TIMEOUT + "alter table carriers alter column mc_number set not null;")));
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void constraintWithoutNotValid() {
    assertThat(rules(TIMEOUT + "alter table carriers add constraint f foreign key (owner_id) references owners (id);"))
        .containsExactly(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
    assertThat(rules(TIMEOUT + "alter table carriers add constraint c check (length(name) < 300);"))
        .containsExactly(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
    assertThat(rules(TIMEOUT + "alter table carriers add column owner_id bigint references owners (id);"))
        .containsExactly(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
    assertThat(rules(TIMEOUT + "alter table carriers add constraint f foreign key (owner_id) references owners (id) not valid;\n"
        + "alter table carriers add constraint c check (length(name) < 300) not valid;")).isEmpty();
    assertThat(rules("create table t (a int);\nalter table t add constraint c check (a > 0);")).isEmpty();
  }

  @Test
  void validateInSameTransaction() {
    String add = "alter table carriers add constraint f foreign key (owner_id) references owners (id) not valid;\n";
    String validate = "alter table carriers validate constraint f;\n";
    // One script Flyway runs in one transaction: the ADD's lock is still held.
    List<Finding> findings = LINTER.lint(List.of(new MigrationScript("V9__t.sql", TIMEOUT + add + validate))).findings();
    assertThat(findings).extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.VALIDATE_IN_SAME_TRANSACTION, 3));
    assertThat(findings.get(0).message()).contains("(line 2)", "blocks writes to carriers");
    assertThat(rules(TIMEOUT + "alter table carriers add constraint c check (length(name) < 300) not valid;\n"
        + "select 1;\nalter table carriers validate constraint c;")).containsExactly(Rule.VALIDATE_IN_SAME_TRANSACTION);
    // Separate migrations: the point of NOT VALID.
    assertThat(LINTER.lint(List.of(new MigrationScript("V1__a.sql", TIMEOUT + add),
        new MigrationScript("V2__b.sql", TIMEOUT + validate))).findings()).isEmpty();
    // A script Flyway runs without a transaction (mixed=true): each statement commits on its own...
    assertThat(rules("create index concurrently carriers_x on carriers (name);\n" + add + validate))
        .doesNotContain(Rule.VALIDATE_IN_SAME_TRANSACTION);
    // ...except inside its own BEGIN ... COMMIT.
    assertThat(rules("create index concurrently carriers_x on carriers (name);\nbegin;\n" + TIMEOUT + add + validate
        + "commit;")).contains(Rule.VALIDATE_IN_SAME_TRANSACTION);
    // Another constraint, or one added to a table created in the script (empty), is not this case.
    assertThat(rules(TIMEOUT + add + "alter table carriers validate constraint g;")).isEmpty();
    assertThat(rules("create table t (a int);\nalter table t add constraint c check (a > 0) not valid;\n"
        + "alter table t validate constraint c;")).isEmpty();
  }

  private static List<Rule> rulesAfter(String earlier, String sql) {
    return LINTER.lint(List.of(new MigrationScript("V1__earlier.sql", earlier), new MigrationScript("V2__test.sql", sql)))
        .findings().stream().filter(f -> f.file().equals("V2__test.sql")).map(Finding::rule).toList();
  }

  @Test
  void changeColumnType() {
    // The old type is unknown: flagged, as a suppression must say why the change is safe.
    assertThat(rules(TIMEOUT + "alter table carriers alter column name type text;")).containsExactly(Rule.CHANGE_COLUMN_TYPE);
    assertThat(rules("create table t (a int);\nalter table t alter column a type bigint;")).isEmpty();
    String created = "create table things (name varchar(255), note varchar, code text, n int);";
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column n type bigint;"))
        .containsExactly(Rule.CHANGE_COLUMN_TYPE);
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type varchar(100);"))
        .containsExactly(Rule.CHANGE_COLUMN_TYPE);
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column code type varchar(10);"))
        .containsExactly(Rule.CHANGE_COLUMN_TYPE);
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type text using upper(name);"))
        .containsExactly(Rule.CHANGE_COLUMN_TYPE);
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type varchar(500)[];"))
        .containsExactly(Rule.CHANGE_COLUMN_TYPE);
  }

  @Test
  void changeColumnType_wideningTheBundledCarriersName_isNotReported() {
    // V1 declares carriers.name varchar(255): the false alarm squawk and this lint both raised.
    List<MigrationScript> scripts = new ArrayList<>(MigrationFiles.fromClasspath("db/migration",
        RulesTest.class.getClassLoader()));
    scripts.add(new MigrationScript("V10__widen_carriers_name.sql",
        TIMEOUT + "alter table carriers alter column name type varchar(500);"));
    scripts.add(new MigrationScript("V11__narrow_carriers_name.sql",
        TIMEOUT + "alter table carriers alter column name type varchar(100);"));
    assertThat(LINTER.lint(scripts).findings()).filteredOn(f -> f.file().matches("V1[01]__.*"))
        .extracting(Finding::file, Finding::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("V11__narrow_carriers_name.sql", Rule.CHANGE_COLUMN_TYPE));
  }

  @Test
  void changeColumnType_wideningAVarcharSeenCreated_isNotReportedButStillNeedsALockTimeout() {
    String created = "create table things (name varchar(255), note varchar, code text);";
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type varchar(500);")).isEmpty();
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type character varying(255);")).isEmpty();
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column name type text;")).isEmpty();
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column note type text;")).isEmpty();
    assertThat(rulesAfter(created, TIMEOUT + "alter table things alter column code type varchar;")).isEmpty();
    // It still takes an ACCESS EXCLUSIVE lock, briefly.
    assertThat(rulesAfter(created, "alter table things alter column name type varchar(500);"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    // Added, renamed and widened again in later scripts: still known.
    LintReport report = LINTER.lint(List.of(
        new MigrationScript("V1__a.sql", created),
        new MigrationScript("V2__b.sql", TIMEOUT + "alter table things add column fax varchar(20);\n"
            + "alter table things rename column fax to phone;\nalter table things rename to stuff;"),
        new MigrationScript("V3__c.sql", TIMEOUT + "alter table stuff alter column phone type varchar(40);"),
        new MigrationScript("V4__d.sql", TIMEOUT + "alter table stuff alter column phone type varchar(30);")));
    assertThat(report.findings()).extracting(Finding::file, Finding::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("V2__b.sql", Rule.RENAME_COLUMN),
        org.assertj.core.groups.Tuple.tuple("V2__b.sql", Rule.RENAME_TABLE),
        org.assertj.core.groups.Tuple.tuple("V4__d.sql", Rule.CHANGE_COLUMN_TYPE));
    assertThat(report.findings().get(2).message()).contains("from varchar(40) to varchar(30)", "rewrites stuff");
  }

  @Test
  void renameAndDrop() {
    assertThat(rules(TIMEOUT + "alter table carriers rename column name to legal_name;")).containsExactly(Rule.RENAME_COLUMN);
    assertThat(rules(TIMEOUT + "alter table carriers rename to freight_carriers;")).containsExactly(Rule.RENAME_TABLE);
    assertThat(rules(TIMEOUT + "alter table carriers drop column mc_number;")).containsExactly(Rule.DROP_COLUMN);
    assertThat(rules(TIMEOUT + "drop table carriers;")).containsExactly(Rule.DROP_TABLE);
    assertThat(rules("create table t (a int, b int);\nalter table t rename column a to c;\n"
        + "alter table t drop column b;\nalter table t rename to u;\ndrop table u;")).doesNotContain(
        Rule.RENAME_COLUMN, Rule.DROP_COLUMN, Rule.RENAME_TABLE, Rule.LOCK_TIMEOUT_MISSING);
  }

  @Test
  void volatileDefault() {
    assertThat(rules(TIMEOUT + "alter table carriers add column token uuid default gen_random_uuid();"))
        .containsExactly(Rule.VOLATILE_DEFAULT);
    assertThat(rules(TIMEOUT + "alter table carriers add column seen timestamptz default clock_timestamp();"))
        .containsExactly(Rule.VOLATILE_DEFAULT);
    assertThat(rules(TIMEOUT + "alter table carriers add column r double precision default random() * 10;"))
        .containsExactly(Rule.VOLATILE_DEFAULT);
    assertThat(rules(TIMEOUT + "alter table carriers add column n bigint generated always as identity;"))
        .containsExactly(Rule.VOLATILE_DEFAULT);
    // now() is stable: PostgreSQL 11+ stores it once in the catalog.
    assertThat(rules(TIMEOUT + "alter table carriers add column seen timestamptz not null default now();")).isEmpty();
    assertThat(rules(TIMEOUT + "alter table carriers alter column mc_number set default gen_random_uuid()::text;")).isEmpty();
    assertThat(rules("create table t (id uuid default gen_random_uuid());")).isEmpty();
  }

  @Test
  void vacuumFullOrCluster() {
    // VACUUM cannot run in a transaction: Flyway runs the script without one and refuses a SET in it.
    assertThat(rules("vacuum full carriers;")).containsExactly(Rule.VACUUM_FULL_OR_CLUSTER, Rule.LOCK_TIMEOUT_MISSING);
    assertThat(LINTER.lint(List.of(new MigrationScript("V9__t.sql", "vacuum full carriers;"))).findings().get(1).fix())
        .contains("set lock_timeout on the migration's session");
    assertThat(rules("vacuum (full, analyze) carriers;")).contains(Rule.VACUUM_FULL_OR_CLUSTER);
    assertThat(rules("vacuum full;")).containsExactly(Rule.VACUUM_FULL_OR_CLUSTER);
    assertThat(rules(TIMEOUT + "cluster carriers using carriers_pkey;")).containsExactly(Rule.VACUUM_FULL_OR_CLUSTER);
    assertThat(rules("cluster;")).containsExactly(Rule.VACUUM_FULL_OR_CLUSTER);
    assertThat(rules("cluster carriers;")).containsExactly(Rule.VACUUM_FULL_OR_CLUSTER, Rule.LOCK_TIMEOUT_MISSING);
    // A plain VACUUM or ANALYZE blocks no reads or writes.
    assertThat(rules("vacuum carriers;")).isEmpty();
    assertThat(rules("vacuum (full false, analyze) carriers;")).isEmpty();
    assertThat(rules("vacuum analyze carriers;")).isEmpty();
    assertThat(rules("analyze carriers;")).isEmpty();
  }

  @Test
  void reindexNotConcurrent() {
    assertThat(rules(TIMEOUT + "reindex table carriers;")).containsExactly(Rule.REINDEX_NOT_CONCURRENT);
    assertThat(rules(TIMEOUT + "reindex index carriers_pkey;")).containsExactly(Rule.REINDEX_NOT_CONCURRENT);
    assertThat(rules("reindex schema public;")).containsExactly(Rule.REINDEX_NOT_CONCURRENT);
    assertThat(rules("reindex system carriers;")).containsExactly(Rule.REINDEX_NOT_CONCURRENT);
    assertThat(LINTER.lint(List.of(new MigrationScript("V9__t.sql", "reindex index carriers_pkey;"))).findings())
        .extracting(Finding::rule, Finding::message).contains(org.assertj.core.groups.Tuple.tuple(Rule.LOCK_TIMEOUT_MISSING,
            "REINDEX on existing index carriers_pkey with no lock_timeout set before it: while it waits for its lock,"
                + " every query on its table queues behind it"));
    assertThat(rules("reindex table concurrently carriers;")).isEmpty();
    assertThat(rules("reindex (concurrently, verbose) index carriers_pkey;")).isEmpty();
    assertThat(rules("reindex schema concurrently public;")).isEmpty();
  }

  @Test
  void truncateTable() {
    assertThat(rules(TIMEOUT + "truncate carriers;")).containsExactly(Rule.TRUNCATE_TABLE);
    assertThat(rules("truncate table carriers;")).containsExactly(Rule.TRUNCATE_TABLE, Rule.LOCK_TIMEOUT_MISSING);
    assertThat(rules("create table t (a int);\ninsert into t values (1);\ntruncate t;")).isEmpty();
  }

  @Test
  void truncateCascade() {
    assertThat(rules(TIMEOUT + "truncate carriers cascade;")).containsExactly(Rule.TRUNCATE_TABLE, Rule.TRUNCATE_CASCADE);
    assertThat(rules("create table t (a int);\ntruncate t cascade;")).containsExactly(Rule.TRUNCATE_CASCADE);
    assertThat(rules("create table t (a int);\ntruncate t restrict;")).isEmpty();
  }

  @Test
  void lockTable() {
    assertThat(rules(TIMEOUT + "lock table carriers;")).containsExactly(Rule.LOCK_TABLE);
    assertThat(rules(TIMEOUT + "lock carriers in share row exclusive mode;")).containsExactly(Rule.LOCK_TABLE);
    assertThat(rules("lock table carriers in share mode;")).containsExactly(Rule.LOCK_TABLE, Rule.LOCK_TIMEOUT_MISSING);
    // NOWAIT fails at once instead of queueing, so needs no lock_timeout.
    assertThat(rules("lock table carriers nowait;")).containsExactly(Rule.LOCK_TABLE);
    // Modes that conflict with no reads or writes, and new tables, are fine.
    assertThat(rules("lock table carriers in row exclusive mode;")).isEmpty();
    assertThat(rules("lock table carriers in share update exclusive mode;")).isEmpty();
    assertThat(rules("create table t (a int);\nlock table t;")).isEmpty();
  }

  @Test
  void nonTransactionalInTransaction() {
    assertThat(rules("begin;\ncreate index concurrently carriers_x on carriers (name);\ncommit;"))
        .contains(Rule.NON_TRANSACTIONAL_IN_TRANSACTION);
    assertThat(rules("begin;\ndrop index concurrently carriers_x;\ncommit;")).contains(Rule.NON_TRANSACTIONAL_IN_TRANSACTION);
    assertThat(rules("begin;\nvacuum carriers;\ncommit;")).contains(Rule.NON_TRANSACTIONAL_IN_TRANSACTION);
    // REINDEX CONCURRENTLY is transactional to Flyway: the BEGIN is nested in Flyway's, and both fail.
    assertThat(rules(TIMEOUT + "begin;\nreindex table concurrently carriers;\ncommit;"))
        .containsExactly(Rule.TRANSACTION_NESTING, Rule.NON_TRANSACTIONAL_IN_TRANSACTION);
    // After the block: fine (if Flyway is told mixed=true; by default it refuses the mix).
    assertThat(rules("begin;\nselect 1;\ncommit;\ncreate index concurrently carriers_x on carriers (name);"))
        .containsExactly(Rule.MIXED_TRANSACTION_MODES);
    assertThat(rules("create index concurrently carriers_x on carriers (name);")).isEmpty();
  }

  @Test
  void transactionNesting() {
    // Flyway already runs the script in a transaction.
    assertThat(rules(TIMEOUT + "begin;\nalter table carriers add column dot text;\ncommit;"))
        .containsExactly(Rule.TRANSACTION_NESTING);
    assertThat(rules(TIMEOUT + "alter table carriers add column dot text;\ncommit;\nselect 1;"))
        .containsExactly(Rule.TRANSACTION_NESTING);
    // A script Flyway runs outside a transaction (mixed=true): nested, unpaired, unterminated.
    List<Finding> findings = LINTER.lint(List.of(new MigrationScript("V9__t.sql",
        "vacuum carriers;\nbegin;\nselect 1;\nbegin;\nselect 2;\ncommit;\ncommit;\nbegin;\nselect 3;"))).findings();
    assertThat(findings).extracting(Finding::rule, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.MIXED_TRANSACTION_MODES, 1),
        org.assertj.core.groups.Tuple.tuple(Rule.TRANSACTION_NESTING, 4),
        org.assertj.core.groups.Tuple.tuple(Rule.TRANSACTION_NESTING, 7),
        org.assertj.core.groups.Tuple.tuple(Rule.TRANSACTION_NESTING, 8));
    assertThat(findings.get(1).message()).contains("inside the transaction block begun on line 2");
    assertThat(findings.get(3).message()).contains("BEGIN with no COMMIT after it");
    assertThat(rules(TIMEOUT + "savepoint a;\nalter table carriers add column dot text;\nrollback to savepoint a;")).isEmpty();
  }

  @Test
  void mixedTransactionModes() {
    assertThat(rules("set lock_timeout = '5s';\ncreate index concurrently carriers_x on carriers (name);"))
        .containsExactly(Rule.MIXED_TRANSACTION_MODES);
    assertThat(rules("create index concurrently carriers_x on carriers (name);\n"
        + "comment on index carriers_x is 'x';")).containsExactly(Rule.MIXED_TRANSACTION_MODES);
    assertThat(rules("drop index concurrently if exists carriers_x;\n"
        + "create index concurrently carriers_x on carriers (name);")).isEmpty();
  }

  @Test
  void updateOrDeleteAllRows() {
    assertThat(rules("update carriers set status = 'ACTIVE';")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("delete from carriers;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("update carriers set status = 'ACTIVE' where true;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("delete from carriers where 1 = 1;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("delete from carriers where 't'::boolean and 2 >= 2;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("delete from carriers where 'a' = 'a' or id = 3;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("update carriers c set name = o.name from owners o;")).containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(rules("with gone as (delete from carriers returning id) insert into audit select id from gone;"))
        .containsExactly(Rule.UPDATE_OR_DELETE_ALL_ROWS);
    assertThat(LINTER.lint(List.of(new MigrationScript("V9__t.sql", "delete from carriers;"))).findings().get(0).fix())
        .contains("batches", "outside a transaction", "job");
    // Bounded, or on a table the script created (empty, unseen by others): fine.
    assertThat(rules("update carriers set status = 'ACTIVE' where id between 1 and 5000;")).isEmpty();
    assertThat(rules("delete from carriers where 1 = 2 or id = 3;")).isEmpty();
    assertThat(rules("delete from carriers where null = null;")).isEmpty();
    assertThat(rules("create table t (a int);\ninsert into t values (1);\nupdate t set a = 2;\ndelete from t;")).isEmpty();
  }

  @Test
  void columnTypes() {
    assertThat(rules("create table t (code char(3));")).containsExactly(Rule.CHAR_COLUMN);
    assertThat(rules("create table t (code text, name varchar(10));")).isEmpty();
    assertThat(rules("create table t (id bigserial primary key);")).containsExactly(Rule.SERIAL_COLUMN);
    assertThat(rules("create table t (id bigint generated by default as identity primary key);")).isEmpty();
    assertThat(rules("create table t (at timestamp, at3 timestamp(3) without time zone);"))
        .containsExactly(Rule.TIMESTAMP_WITHOUT_TIME_ZONE, Rule.TIMESTAMP_WITHOUT_TIME_ZONE);
    assertThat(rules("create table t (at timestamptz, at3 timestamp(3) with time zone);")).isEmpty();
    assertThat(rules(TIMEOUT + "alter table carriers add column seen timestamp;")).containsExactly(Rule.TIMESTAMP_WITHOUT_TIME_ZONE);
    assertThat(rules("select now()::timestamp;")).isEmpty();
  }

  @Test
  void integerKeyColumn() {
    assertThat(rules("create table t (id int primary key, name text);")).containsExactly(Rule.INTEGER_KEY_COLUMN);
    assertThat(rules("create table t (id smallint, constraint t_pkey primary key (id));"))
        .containsExactly(Rule.INTEGER_KEY_COLUMN);
    assertThat(rules("create table t (id bigint primary key, owner_id integer references owners (id));"))
        .containsExactly(Rule.INTEGER_KEY_COLUMN);
    assertThat(rules("create table t (id bigint primary key, a int4, b bigint,"
        + " constraint t_a foreign key (a, b) references pairs (x, y));")).containsExactly(Rule.INTEGER_KEY_COLUMN);
    assertThat(rules("create table t (id serial primary key);")).containsExactly(Rule.INTEGER_KEY_COLUMN, Rule.SERIAL_COLUMN);
    assertThat(rulesAfter("create table t (id bigint primary key, n int);",
        TIMEOUT + "alter table t add constraint t_n foreign key (n) references others (id) not valid;"))
        .containsExactly(Rule.INTEGER_KEY_COLUMN);
    assertThat(rules(TIMEOUT + "alter table carriers add column region_id int references regions (id);"))
        .contains(Rule.INTEGER_KEY_COLUMN);
    assertThat(LINTER.lint(List.of(new MigrationScript("V9__t.sql", "create table t (id int primary key);")))
        .findings().get(0).message()).isEqualTo("column t.id is integer, in a PRIMARY KEY: it runs out at"
            + " 2,147,483,647, and moving to bigint later rewrites t and every table that references it");
    // bigint keys, and integer columns that are no key, are fine.
    assertThat(rules("create table t (id bigint generated by default as identity primary key,"
        + " owner_id bigint references owners (id), version integer not null, n smallint unique);")).isEmpty();
  }

  @Test
  void dropNotNull() {
    assertThat(rules(TIMEOUT + "alter table carriers alter column mc_number drop not null;"))
        .containsExactly(Rule.DROP_NOT_NULL);
    assertThat(rules("create table t (a int not null);\nalter table t alter column a drop not null;")).isEmpty();
  }

  @Test
  void dropDatabase() {
    assertThat(rules("drop database if exists carriers_old;")).containsExactly(Rule.DROP_DATABASE);
    assertThat(rules("create database carriers_new;")).isEmpty();
  }

  @Test
  void identifierTooLong() {
    String name64 = "carriers_" + "x".repeat(55);
    assertThat(rules("create table " + name64 + " (a text);")).containsExactly(Rule.IDENTIFIER_TOO_LONG);
    assertThat(rules("create table " + name64.substring(1) + " (a text);")).isEmpty();
    // Bytes, not characters: 32 two-byte letters are 64 bytes.
    assertThat(rules("create table \"" + "\u00fc".repeat(32) + "\" (a text);")).containsExactly(Rule.IDENTIFIER_TOO_LONG);
    assertThat(rules("create table \"" + "\u00fc".repeat(31) + "a\" (a text);")).isEmpty();
    // Once per name and script, where it first appears, wherever it is (here a column).
    List<Finding> findings = LINTER.lint(List.of(new MigrationScript("V9__t.sql",
        "create table t (" + name64 + " text);\ncreate index t_x on t (" + name64 + ");"))).findings();
    assertThat(findings).extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.IDENTIFIER_TOO_LONG, 1));
    assertThat(findings.get(0).message()).startsWith("identifier " + name64 + " is 64 bytes");
  }

  @Test
  void lockTimeoutMissing() {
    assertThat(rules("alter table carriers add column dot text;")).containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    assertThat(rules("create trigger t before update on carriers for each row execute function f();"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    // Set after the DDL is too late; set to 0 means no timeout.
    assertThat(rules("alter table carriers add column dot text;\nset local lock_timeout = '5s';"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    assertThat(rules("set lock_timeout = 0;\nalter table carriers add column dot text;"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    assertThat(rules("set local lock_timeout = '5s';\nreset lock_timeout;\nalter table carriers add column dot text;"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    assertThat(rules("set lock_timeout to 5000;\nalter table carriers add column dot text;")).isEmpty();
    assertThat(rules("set local lock_timeout = '5s';\nalter table carriers add column dot text;")).isEmpty();
    assertThat(LINTER.lint(List.of(new MigrationScript("V9__t.sql", "drop index carriers_x;"))).findings())
        .extracting(Finding::message).contains("DROP on existing index carriers_x with no lock_timeout set before it:"
            + " while it waits for its lock, every query on its table queues behind it");
    // Only reported once per script.
    assertThat(rules("alter table carriers add column a text;\nalter table carriers add column b text;"))
        .containsExactly(Rule.LOCK_TIMEOUT_MISSING);
    // New tables and online index builds need none.
    assertThat(rules("create table t (a int);\nalter table t add column b text;")).isEmpty();
    assertThat(rules("create index concurrently carriers_x on carriers (name);")).isEmpty();
    // Ended with its transaction.
    assertThat(rules("set local lock_timeout = '5s';\ncommit;\nalter table carriers add column dot text;"))
        .contains(Rule.LOCK_TIMEOUT_MISSING);
  }

  @Test
  void syntaxError_isAFindingOnItsLine() {
    LintReport report = LINTER.lint(List.of(new MigrationScript("V9__bad.sql", "select 1;\n\ncreate tabel t (a int);")));
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(Rule.SYNTAX_ERROR);
      assertThat(f.line()).isEqualTo(3);
      assertThat(f.message()).contains("tabel");
    });
  }

  @Test
  void rulesAboutSuppressions_cannotBeDisabled() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrationLinter.configure().disable(Rule.SUPPRESSION_WITHOUT_REASON))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suppression-without-reason cannot be disabled");
  }

  @Test
  void syntaxError_lineCountsCharactersNotBytes() {
    // libpg_query reports the error position in characters; the snowmen are 3 bytes each.
    LintReport report = LINTER.lint(List.of(new MigrationScript("V9__bad.sql",
        "select '\u2603\u2603\u2603\u2603\u2603\u2603\u2603\u2603\u2603\u2603';\nselect 1;\ncreate tabel t ();")));
    assertThat(report.findings()).singleElement().extracting(Finding::line).isEqualTo(3);
  }

  @Test
  void disabledRules_areNotReported() {
    MigrationLinter linter = MigrationLinter.configure().disable(Rule.CHAR_COLUMN).load();
    assertThat(linter.lint(List.of(new MigrationScript("V1__t.sql", "create table t (c char(2));"))).findings()).isEmpty();
  }
}
