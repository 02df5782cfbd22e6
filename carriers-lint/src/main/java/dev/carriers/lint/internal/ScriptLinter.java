package dev.carriers.lint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carriers.lint.Finding;
import dev.carriers.lint.MigrationScript;
import dev.carriers.lint.Rule;
import dev.carriers.lint.SuppressedFinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lints one script: parses it with libpg_query, walks each statement's parse tree through the
 * rules, then applies the suppression comments that precede each statement.
 *
 * <p>Immutable; thread-safe (each call keeps its state on the stack and in the given {@link
 * SchemaState}).
 */
public final class ScriptLinter {

  private static final Set<String> VOLATILE_FUNCTIONS = Set.of(
      "random", "random_normal", "clock_timestamp", "timeofday", "gen_random_uuid", "gen_random_bytes",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval",
      "txid_current", "pg_current_xact_id", "setseed");

  /** PostgreSQL's lock modes by number ({@code LockStmt.mode}: 1 = ACCESS SHARE ... 8 = ACCESS EXCLUSIVE). */
  private static final List<String> LOCK_MODES = List.of("", "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
      "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

  /** The integer types too small for a key, with how findings name them. */
  private static final Map<String, String> INTEGER_TYPES = Map.of(
      "int4", "integer", "int2", "smallint", "serial", "serial (integer)", "serial4", "serial (integer)",
      "smallserial", "smallserial (smallint)", "serial2", "smallserial (smallint)");

  /** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
  private static final int MAX_IDENTIFIER_BYTES = 63;

  private static final Set<String> TRANSACTION_ENDS = Set.of(
      "TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK", "TRANS_STMT_PREPARE");

  /** Flyway refuses a SET in a script it runs outside a transaction (it would mix the two kinds). */
  private static final String NON_TRANSACTIONAL_LOCK_TIMEOUT_FIX = "Flyway runs this script outside a transaction"
      + " and refuses a SET in it (mixed statements): set lock_timeout on the migration's session instead"
      + " (carriers migrate --lock-timeout, Flyway's initSql, or PGOPTIONS='-c lock_timeout=5s')";

  private static final Set<String> SERIAL_TYPES = Set.of(
      "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

  private final PgQuery pgQuery;
  private final Set<Rule> enabled;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Creates a linter.
   *
   * @param pgQuery the loaded parser
   * @param enabled the rules to report
   */
  public ScriptLinter(PgQuery pgQuery, Set<Rule> enabled) {
    this.pgQuery = pgQuery;
    this.enabled = Set.copyOf(enabled);
  }

  /**
   * What one script produced.
   *
   * @param findings the findings not suppressed, in line order
   * @param suppressed the findings suppressed with a reason
   */
  public record Result(List<Finding> findings, List<SuppressedFinding> suppressed) {
  }

  /**
   * Lints a script.
   *
   * @param script the script
   * @param state what earlier scripts of the run established; updated with this script
   * @return the findings
   */
  public Result lint(MigrationScript script, SchemaState state) {
    Source source = new Source(script.name(), script.sql());
    PgQuery.ParseOutcome outcome = pgQuery.parse(script.sql());
    if (outcome.json() == null) {
      int line = source.lineOfCharacter(outcome.cursorPosition());
      return new Result(List.of(finding(source.name, line, Rule.SYNTAX_ERROR, outcome.error())), List.of());
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(outcome.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("libpg_query returned a parse tree that is not JSON for " + script.name(), e);
    }
    List<ScanTokens.Token> tokens = pgQuery.scan(script.sql());
    List<Statement> statements = statements(tree, tokens, source);
    List<JsonNode> nodes = statements.stream().map(Statement::node).toList();
    TransactionPlan plan = TransactionPlan.of(nodes, statements.stream().mapToInt(Statement::start).toArray(),
        source::lineOfByte);
    List<List<TransactionPlan.Problem>> problems = new ArrayList<>();
    statements.forEach(s -> problems.add(new ArrayList<>()));
    plan.problems().forEach(problem -> problems.get(problem.index()).add(problem));
    FileState file = new FileState(source, state, plan);
    List<Finding> findings = new ArrayList<>();
    List<SuppressedFinding> suppressed = new ArrayList<>();
    Set<ScanTokens.Token> claimedComments = new HashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      claimedComments.addAll(statement.leadingComments());
      List<Finding> raw = new ArrayList<>();
      file.statement(i, statement.node(), statement.start(), raw);
      file.identifiers(statement.tokens(), raw);
      for (TransactionPlan.Problem problem : problems.get(i)) {
        raw.add(finding(source.name, source.lineOfByte(problem.location() >= 0 ? problem.location() : statement.start()),
            problem.rule(), problem.message()));
      }
      raw.removeIf(f -> !enabled.contains(f.rule()));
      applySuppressions(source, statement.leadingComments(), raw, findings, suppressed);
    }
    // Comments after the last statement precede nothing.
    for (ScanTokens.Token token : tokens) {
      if (token.isComment() && !claimedComments.contains(token)) {
        applySuppressions(source, List.of(token), List.of(), findings, suppressed);
      }
    }
    findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(findings, suppressed);
  }

  /**
   * One statement of a script.
   *
   * @param node its parse tree, e.g. {@code {"IndexStmt": {...}}}
   * @param start the byte offset of its first token (after the comments before it)
   * @param leadingComments the comments between the previous statement and this one
   * @param tokens its tokens, from its first to its last
   */
  private record Statement(JsonNode node, int start, List<ScanTokens.Token> leadingComments,
      List<ScanTokens.Token> tokens) {
  }

  private static List<Statement> statements(JsonNode tree, List<ScanTokens.Token> tokens, Source source) {
    List<Statement> statements = new ArrayList<>();
    int cursor = 0; // statements and tokens both come in offset order: one pass over the tokens
    for (JsonNode statement : tree.path("stmts")) {
      int location = statement.path("stmt_location").asInt(0);
      int length = statement.path("stmt_len").asInt(0);
      int end = length == 0 ? source.bytes.length : location + length;
      int start = location;
      List<ScanTokens.Token> leadingComments = new ArrayList<>();
      while (cursor < tokens.size() && tokens.get(cursor).start() < location) {
        cursor++;
      }
      int first = cursor;
      for (; first < tokens.size() && tokens.get(first).start() < end; first++) {
        ScanTokens.Token token = tokens.get(first);
        if (!token.isComment()) {
          start = token.start();
          break;
        }
        leadingComments.add(token);
      }
      int last = first;
      while (last < tokens.size() && tokens.get(last).start() < end) {
        last++;
      }
      statements.add(new Statement(statement.path("stmt"), start, leadingComments, tokens.subList(first, last)));
    }
    return statements;
  }

  private void applySuppressions(Source source, List<ScanTokens.Token> comments, List<Finding> raw,
      List<Finding> findings, List<SuppressedFinding> suppressed) {
    List<Finding> remaining = new ArrayList<>(raw);
    for (ScanTokens.Token comment : comments) {
      Suppression suppression = Suppression.parse(source.text(comment.start(), comment.end()));
      if (suppression == null) {
        continue;
      }
      int line = source.lineOfByte(comment.start());
      if (suppression.problem() != null) {
        findings.add(finding(source.name, line, suppression.problemRule(), suppression.problem()));
        continue;
      }
      boolean used = false;
      for (var iterator = remaining.iterator(); iterator.hasNext(); ) {
        Finding finding = iterator.next();
        if (suppression.rules().contains(finding.rule())) {
          iterator.remove();
          suppressed.add(new SuppressedFinding(finding, suppression.reason()));
          used = true;
        }
      }
      if (!used) {
        findings.add(finding(source.name, line, Rule.UNUSED_SUPPRESSION,
            "suppression of " + suppression.ruleIds() + " matches no finding in the statement after it"));
      }
    }
    findings.addAll(remaining);
  }

  static Finding finding(String file, int line, Rule rule, String message) {
    return new Finding(file, line, rule, rule.severity(), message, rule.fix());
  }

  /** The script's text, its UTF-8 bytes (libpg_query's offsets are byte offsets) and line starts. */
  private static final class Source {
    final String name;
    final String sql;
    final byte[] bytes;
    final int[] lineStarts;

    Source(String name, String sql) {
      this.name = name;
      this.sql = sql;
      this.bytes = sql.getBytes(StandardCharsets.UTF_8);
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          starts.add(i + 1);
        }
      }
      this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOfByte(int offset) {
      int low = 0;
      int high = lineStarts.length - 1;
      while (low < high) {
        int middle = (low + high + 1) >>> 1;
        if (lineStarts[middle] <= offset) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low + 1;
    }

    // libpg_query's error position counts characters (code points) from 1.
    int lineOfCharacter(int cursorPosition) {
      if (cursorPosition <= 0) {
        return 1;
      }
      int codePoints = Math.min(cursorPosition - 1, sql.codePointCount(0, sql.length()));
      int index = sql.offsetByCodePoints(0, codePoints);
      return lineOfByte(sql.substring(0, index).getBytes(StandardCharsets.UTF_8).length);
    }

    String text(int start, int end) {
      return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
  }

  /** The rules, applied statement by statement to one script. */
  private final class FileState {
    final Source source;
    final SchemaState schema;
    final Set<String> createdTables = new HashSet<>();
    final Set<String> createdIndexes = new HashSet<>();
    final TransactionPlan plan;
    /** Constraints added NOT VALID to existing tables: table and name -> {transaction, byte offset}. */
    final Map<String, int[]> addedNotValid = new HashMap<>();
    final Set<String> longIdentifiers = new HashSet<>();
    int index; // of the statement being linted
    boolean lockTimeoutSet;
    boolean lockTimeoutLocal; // set with SET LOCAL: gone when its transaction ends
    boolean lockTimeoutReported;

    FileState(Source source, SchemaState schema, TransactionPlan plan) {
      this.source = source;
      this.schema = schema;
      this.plan = plan;
    }

    void statement(int index, JsonNode wrapper, int start, List<Finding> out) {
      this.index = index;
      String type = wrapper.fieldNames().hasNext() ? wrapper.fieldNames().next() : "";
      JsonNode node = wrapper.path(type);
      Emitter emit = new Emitter(start, out);
      Lock lock = switch (type) {
        case "CreateStmt" -> {
          String table = relation(node.path("relation"));
          createdTables.add(table);
          schema.tableCreated(table);
          for (JsonNode element : node.path("tableElts")) {
            JsonNode constraint = element.path("Constraint");
            if (!constraint.isMissingNode()) {
              recordNotNullCheck(table, constraint);
            }
            JsonNode columnDef = element.path("ColumnDef");
            if (!columnDef.isMissingNode()) {
              schema.columnDeclared(table, columnDef.path("colname").asText(), declaredType(columnDef));
            }
          }
          integerKeys(table, node.path("tableElts"), emit);
          yield null;
        }
        case "CreateTableAsStmt" -> {
          String table = relation(node.path("into").path("rel"));
          createdTables.add(table);
          schema.tableCreated(table);
          yield null;
        }
        case "IndexStmt" -> index(node, emit);
        case "DropStmt" -> drop(node, emit);
        case "RenameStmt" -> rename(node, emit);
        case "AlterTableStmt" -> alterTable(node, emit);
        case "CreateTrigStmt" -> Lock.table(existing(relation(node.path("relation"))));
        case "TruncateStmt" -> truncate(node, emit);
        case "LockStmt" -> lockTable(node, emit);
        case "UpdateStmt", "DeleteStmt" -> {
          dataChange(type, node, emit);
          yield null; // ROW EXCLUSIVE conflicts with no reads or writes: nothing queues behind the wait
        }
        case "DropdbStmt" -> {
          emit.at(-1, Rule.DROP_DATABASE, "DROP DATABASE " + node.path("dbname").asText()
              + " from a migration deletes a whole database, outside any transaction: nothing rolls it back");
          yield null;
        }
        case "VacuumStmt" -> vacuum(node, emit);
        case "ClusterStmt" -> cluster(node, emit);
        case "ReindexStmt" -> reindex(node, emit);
        case "VariableSetStmt" -> {
          if (!node.path("is_local").asBoolean(false) || plan.inTransaction(index)) {
            variableSet(node); // SET LOCAL outside a transaction only warns
          }
          yield null;
        }
        case "TransactionStmt" -> {
          if (lockTimeoutLocal && TRANSACTION_ENDS.contains(node.path("kind").asText(""))) {
            lockTimeoutSet = false;
            lockTimeoutLocal = false;
          }
          yield null;
        }
        default -> null;
      };
      for (JsonNode cte : node.path("withClause").path("ctes")) {
        JsonNode query = cte.path("CommonTableExpr").path("ctequery");
        query.fieldNames().forEachRemaining(name -> dataChange(name, query.path(name), emit));
      }
      columnTypes(wrapper, emit);
      if (lock != null && !lockTimeoutSet && !lockTimeoutReported) {
        lockTimeoutReported = true;
        String message = statementName(type) + " on existing " + lock.object()
            + " with no lock_timeout set before it: while it waits for its lock, every query on " + lock.queue()
            + " queues behind it";
        emit.at(-1, Rule.LOCK_TIMEOUT_MISSING, message,
            plan.transactional() ? Rule.LOCK_TIMEOUT_MISSING.fix() : NON_TRANSACTIONAL_LOCK_TIMEOUT_FIX);
      }
    }

    private Lock index(JsonNode node, Emitter emit) {
      String table = relation(node.path("relation"));
      String name = node.path("idxname").asText("");
      if (!name.isEmpty()) {
        createdIndexes.add(name);
      }
      if (node.path("concurrent").asBoolean(false) && node.path("if_not_exists").asBoolean(false)) {
        emit.at(-1, Rule.CONCURRENT_INDEX_IF_NOT_EXISTS, "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + name
            + ": a build that fails leaves " + name + " behind INVALID (no query uses it, every write still"
            + " updates it), and a rerun then finds it and silently skips the build");
      }
      if (node.path("concurrent").asBoolean(false) || createdTables.contains(table)) {
        return null;
      }
      emit.at(-1, Rule.INDEX_NOT_CONCURRENT, "CREATE INDEX " + (name.isEmpty() ? "" : name + " ")
          + "on existing table " + table + " without CONCURRENTLY: blocks writes to " + table + " until the index is built");
      return Lock.table(table);
    }

    private Lock drop(JsonNode node, Emitter emit) {
      String removeType = node.path("removeType").asText("");
      boolean concurrent = node.path("concurrent").asBoolean(false);
      Lock locking = null;
      for (JsonNode object : node.path("objects")) {
        String name = lastName(object.path("List").path("items"));
        if (removeType.equals("OBJECT_INDEX") && !concurrent && !createdIndexes.contains(name)) {
          emit.at(-1, Rule.INDEX_NOT_CONCURRENT, "DROP INDEX " + name
              + " without CONCURRENTLY: blocks reads and writes of its table until dropped");
          locking = locking == null ? Lock.index(name) : locking;
        } else if (removeType.equals("OBJECT_TABLE")) {
          if (!createdTables.contains(name)) {
            emit.at(-1, Rule.DROP_TABLE, "DROP TABLE " + name
                + ": running instances of the application that use it break, and its data is gone");
            locking = locking == null ? Lock.table(name) : locking;
          }
          schema.tableDropped(name);
        }
      }
      return locking;
    }

    private Lock rename(JsonNode node, Emitter emit) {
      String renameType = node.path("renameType").asText("");
      String renamed = relation(node.path("relation"));
      if (renameType.equals("OBJECT_TABLE") && renamed != null) {
        if (createdTables.contains(renamed)) {
          createdTables.add(node.path("newname").asText());
        }
        schema.tableRenamed(renamed, node.path("newname").asText());
      } else if (renameType.equals("OBJECT_COLUMN") && renamed != null) {
        schema.columnRenamed(renamed, node.path("subname").asText(), node.path("newname").asText());
      }
      String table = existing(renamed);
      if (table == null) {
        return null;
      }
      if (renameType.equals("OBJECT_COLUMN")) {
        emit.at(-1, Rule.RENAME_COLUMN, "RENAME COLUMN " + table + "." + node.path("subname").asText()
            + " to " + node.path("newname").asText() + ": running instances of the application that use the old name break");
      } else if (renameType.equals("OBJECT_TABLE")) {
        emit.at(-1, Rule.RENAME_TABLE, "RENAME table " + table + " to " + node.path("newname").asText()
            + ": running instances of the application that use the old name break");
      }
      return Lock.table(table);
    }

    private Lock alterTable(JsonNode node, Emitter emit) {
      String table = relation(node.path("relation"));
      boolean existing = !createdTables.contains(table);
      for (JsonNode command : node.path("cmds")) {
        JsonNode cmd = command.path("AlterTableCmd");
        String subtype = cmd.path("subtype").asText("");
        String column = cmd.path("name").asText("");
        switch (subtype) {
          case "AT_AddColumn" -> {
            JsonNode columnDef = cmd.path("def").path("ColumnDef");
            if (existing) {
              addColumn(table, columnDef, emit);
            }
            schema.columnDeclared(table, columnDef.path("colname").asText(), declaredType(columnDef));
            integerKeys(table, List.of(cmd.path("def")), emit);
          }
          case "AT_AddConstraint" -> {
            addConstraint(table, existing, cmd.path("def").path("Constraint"), emit);
            integerKeys(table, List.of(cmd.path("def")), emit);
          }
          case "AT_DropNotNull" -> {
            if (existing) {
              emit.at(-1, Rule.DROP_NOT_NULL, "DROP NOT NULL on " + table + "." + column + ": readers that rely"
                  + " on it never being null (running instances of the application, reports, consumers) break on"
                  + " the first null, and putting it back later needs a scan of the whole table");
            }
          }
          case "AT_ValidateConstraint" -> {
            schema.constraintValidated(table, column);
            validateConstraint(table, column, emit);
          }
          case "AT_SetNotNull" -> {
            if (existing && !schema.provenNotNull(table, column)) {
              emit.at(-1, Rule.SET_NOT_NULL_WITHOUT_CHECK, "SET NOT NULL on " + table + "." + column
                  + " with no validated CHECK (" + column + " IS NOT NULL) before it: scans all of "
                  + table + " while holding an ACCESS EXCLUSIVE lock");
            }
          }
          case "AT_AlterColumnType" -> {
            JsonNode columnDef = cmd.path("def").path("ColumnDef");
            if (existing) {
              alterColumnType(table, column, columnDef, emit);
            }
            schema.columnDeclared(table, column, declaredType(columnDef));
          }
          case "AT_DropColumn" -> {
            if (existing) {
              emit.at(-1, Rule.DROP_COLUMN, "DROP COLUMN " + table + "." + column
                  + ": running instances of the application that read or write it break");
            }
            schema.columnDropped(table, column);
          }
          default -> {
            // Other subcommands (defaults, comments, storage...) take a lock but neither
            // scan nor rewrite; the lock_timeout rule covers them.
          }
        }
      }
      return existing ? Lock.table(table) : null;
    }

    private Lock truncate(JsonNode node, Emitter emit) {
      Lock lock = null;
      List<String> names = new ArrayList<>();
      for (JsonNode relation : node.path("relations")) {
        String name = relation(relation.path("RangeVar"));
        names.add(name);
        String table = existing(name);
        if (table != null) {
          emit.at(-1, Rule.TRUNCATE_TABLE, "TRUNCATE " + table + " deletes every row of " + table
              + " under an ACCESS EXCLUSIVE lock, for every running instance of the application;"
              + " a transaction that started before it sees the table empty");
          lock = lock == null ? Lock.table(table) : lock;
        }
      }
      if (node.path("behavior").asText("").equals("DROP_CASCADE")) {
        emit.at(-1, Rule.TRUNCATE_CASCADE, "TRUNCATE " + String.join(", ", names) + " CASCADE also empties every"
            + " table with a foreign key to " + (names.size() == 1 ? "it" : "them") + ", and theirs in turn, unnamed");
      }
      return lock;
    }

    private Lock lockTable(JsonNode node, Emitter emit) {
      int mode = node.path("mode").asInt(0);
      if (mode < LOCK_MODES.indexOf("SHARE")) {
        return null; // conflicts with no reads or writes: nothing queues behind it
      }
      Lock lock = null;
      for (JsonNode relation : node.path("relations")) {
        String table = existing(relation(relation.path("RangeVar")));
        if (table != null) {
          emit.at(-1, Rule.LOCK_TABLE, "LOCK TABLE " + table + " IN " + LOCK_MODES.get(mode) + " MODE blocks "
              + (mode == LOCK_MODES.size() - 1 ? "reads and writes" : "writes") + " of " + table
              + " until the migration commits: every statement after it runs under that lock");
          lock = lock == null ? Lock.table(table) : lock;
        }
      }
      return node.path("nowait").asBoolean(false) ? null : lock; // NOWAIT fails at once instead of queueing
    }

    // Error rather than warning: on a busy table this is an outage of its writers, not a habit.
    private void dataChange(String type, JsonNode node, Emitter emit) {
      if (!type.equals("UpdateStmt") && !type.equals("DeleteStmt")) {
        return;
      }
      String table = existing(relation(node.path("relation")));
      JsonNode where = node.path("whereClause");
      if (table == null || !where.isMissingNode() && !alwaysTrue(where)) {
        return;
      }
      emit.at(-1, Rule.UPDATE_OR_DELETE_ALL_ROWS, (type.equals("UpdateStmt") ? "UPDATE " : "DELETE FROM ") + table
          + (where.isMissingNode() ? " with no WHERE" : " with a WHERE that is always true") + " changes every row of "
          + table + " in one transaction: it holds a lock on each row (concurrent writers wait) until the migration"
          + " commits, and leaves a dead version of each row behind (bloat, a burst of WAL, replica lag)");
    }

    private Lock vacuum(JsonNode node, Emitter emit) {
      if (!node.path("is_vacuumcmd").asBoolean(false) || !option(node.path("options"), "full")) {
        return null; // a plain VACUUM or ANALYZE takes SHARE UPDATE EXCLUSIVE: reads and writes go on
      }
      if (node.path("rels").size() == 0) {
        emit.at(-1, Rule.VACUUM_FULL_OR_CLUSTER, "VACUUM FULL of the whole database rewrites every table,"
            + " each under an ACCESS EXCLUSIVE lock: no reads or writes of a table until it is rewritten");
        return null;
      }
      Lock lock = null;
      for (JsonNode relation : node.path("rels")) {
        String table = existing(relation(relation.path("VacuumRelation").path("relation")));
        if (table != null) {
          emit.at(-1, Rule.VACUUM_FULL_OR_CLUSTER, "VACUUM FULL " + table + " rewrites all of " + table
              + " under an ACCESS EXCLUSIVE lock: no reads or writes of it until done");
          lock = lock == null ? Lock.table(table) : lock;
        }
      }
      return lock;
    }

    private Lock cluster(JsonNode node, Emitter emit) {
      String table = relation(node.path("relation"));
      if (table == null) {
        emit.at(-1, Rule.VACUUM_FULL_OR_CLUSTER, "CLUSTER without a table rewrites every table clustered before,"
            + " each under an ACCESS EXCLUSIVE lock: no reads or writes of a table until it is rewritten");
        return null;
      }
      if (createdTables.contains(table)) {
        return null;
      }
      emit.at(-1, Rule.VACUUM_FULL_OR_CLUSTER, "CLUSTER " + table + " rewrites all of " + table
          + " in index order under an ACCESS EXCLUSIVE lock: no reads or writes of it until done");
      return Lock.table(table);
    }

    private Lock reindex(JsonNode node, Emitter emit) {
      if (option(node.path("params"), "concurrently")) {
        return null; // SHARE UPDATE EXCLUSIVE, like CREATE INDEX CONCURRENTLY
      }
      String name = relation(node.path("relation"));
      switch (node.path("kind").asText("")) {
        case "REINDEX_OBJECT_INDEX" -> {
          if (createdIndexes.contains(name)) {
            return null;
          }
          emit.at(-1, Rule.REINDEX_NOT_CONCURRENT, "REINDEX INDEX " + name + " without CONCURRENTLY: blocks writes"
              + " to its table, and every query that would use the index, until it is rebuilt");
          return Lock.index(name);
        }
        case "REINDEX_OBJECT_TABLE" -> {
          if (createdTables.contains(name)) {
            return null;
          }
          emit.at(-1, Rule.REINDEX_NOT_CONCURRENT, "REINDEX TABLE " + name + " without CONCURRENTLY: blocks writes to "
              + name + ", and every query that would use one of its indexes, until all are rebuilt");
          return Lock.table(name);
        }
        case "REINDEX_OBJECT_SYSTEM" -> emit.at(-1, Rule.REINDEX_NOT_CONCURRENT, "REINDEX SYSTEM rebuilds the"
            + " system catalogs' indexes, which has no CONCURRENTLY form: sessions block on each catalog in turn");
        default -> emit.at(-1, Rule.REINDEX_NOT_CONCURRENT, "REINDEX "
            + node.path("kind").asText("").replace("REINDEX_OBJECT_", "") + " " + node.path("name").asText("")
            + " without CONCURRENTLY: blocks writes to each of its tables, and queries that use their indexes, in turn");
      }
      return null;
    }

    // The old type is known only if a script this lint saw declared the column; without it, or for
    // a real type change, the rule fires as it always did (a suppression documents a safe change).
    private void alterColumnType(String table, String column, JsonNode columnDef, Emitter emit) {
      SchemaState.ColumnType from = schema.columnType(table, column);
      SchemaState.ColumnType to = declaredType(columnDef);
      boolean plain = !columnDef.has("raw_default") && !columnDef.has("collClause"); // no USING, no COLLATE
      int location = columnDef.path("location").asInt(-1);
      if (from != null && to != null && plain && from.widensTo(to)) {
        return; // catalog-only: the lock_timeout rule still covers its brief ACCESS EXCLUSIVE lock
      }
      String change = from == null || to == null ? "" : " from " + from + " to " + to;
      emit.at(location, Rule.CHANGE_COLUMN_TYPE, "ALTER COLUMN " + table + "." + column + " TYPE" + change
          + ": rewrites " + table + " and its indexes while holding an ACCESS EXCLUSIVE lock");
    }

    private void addColumn(String table, JsonNode columnDef, Emitter emit) {
      String column = columnDef.path("colname").asText();
      int location = columnDef.path("location").asInt(-1);
      boolean notNull = false;
      boolean hasDefault = false;
      String rewrite = null;
      if (SERIAL_TYPES.contains(typeName(columnDef.path("typeName")))) {
        rewrite = typeName(columnDef.path("typeName")) + " (a nextval() default)";
        hasDefault = true;
      }
      for (JsonNode element : columnDef.path("constraints")) {
        JsonNode constraint = element.path("Constraint");
        String type = constraint.path("contype").asText("");
        int at = constraint.path("location").asInt(location);
        switch (type) {
          case "CONSTR_NOTNULL" -> notNull = true;
          case "CONSTR_PRIMARY" -> {
            notNull = true;
            emit.at(at, Rule.CONSTRAINT_BUILDS_INDEX, "ADD COLUMN " + table + "." + column
                + " PRIMARY KEY builds an index under an ACCESS EXCLUSIVE lock on " + table);
          }
          case "CONSTR_UNIQUE" -> emit.at(at, Rule.CONSTRAINT_BUILDS_INDEX, "ADD COLUMN " + table + "."
              + column + " UNIQUE builds an index under an ACCESS EXCLUSIVE lock on " + table);
          case "CONSTR_DEFAULT" -> {
            hasDefault = true;
            String function = volatileFunction(constraint.path("raw_expr"));
            if (function != null) {
              rewrite = "the volatile default " + function + "()";
            }
          }
          case "CONSTR_IDENTITY" -> {
            hasDefault = true;
            rewrite = "an identity column";
          }
          case "CONSTR_GENERATED" -> {
            hasDefault = true;
            rewrite = "a stored generated column";
          }
          case "CONSTR_FOREIGN" -> emit.at(at, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "ADD COLUMN " + table + "."
              + column + " REFERENCES " + relation(constraint.path("pktable"))
              + " validates at once and locks both tables; a column constraint cannot be NOT VALID");
          case "CONSTR_CHECK" -> emit.at(at, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "ADD COLUMN " + table + "."
              + column + " with a CHECK checks every row of " + table + " while blocking writes");
          default -> {
            // NULL, collation and the like change nothing on disk.
          }
        }
      }
      if (rewrite != null) {
        emit.at(location, Rule.VOLATILE_DEFAULT, "ADD COLUMN " + table + "." + column + " with " + rewrite
            + " rewrites all of " + table + " while holding an ACCESS EXCLUSIVE lock");
      }
      if (notNull && !hasDefault) {
        emit.at(location, Rule.ADD_NOT_NULL_COLUMN_WITHOUT_DEFAULT, "ADD COLUMN " + table + "." + column
            + " NOT NULL without a DEFAULT fails as soon as " + table + " has a row");
      }
    }

    private void addConstraint(String table, boolean existing, JsonNode constraint, Emitter emit) {
      String type = constraint.path("contype").asText("");
      String name = constraint.path("conname").asText("");
      String label = name.isEmpty() ? "" : name + " ";
      int location = constraint.path("location").asInt(-1);
      boolean notValid = constraint.path("skip_validation").asBoolean(false);
      if (type.equals("CONSTR_CHECK")) {
        recordNotNullCheck(table, constraint);
      }
      if (!existing) {
        return;
      }
      if ((type.equals("CONSTR_FOREIGN") || type.equals("CONSTR_CHECK")) && notValid && !name.isEmpty()) {
        addedNotValid.put(table + "." + name, new int[] {plan.transaction(index), location >= 0 ? location : -1});
      }
      if ((type.equals("CONSTR_FOREIGN") || type.equals("CONSTR_CHECK")) && !notValid) {
        emit.at(location, Rule.CONSTRAINT_WITHOUT_NOT_VALID, "ADD CONSTRAINT " + label
            + (type.equals("CONSTR_FOREIGN") ? "FOREIGN KEY" : "CHECK") + " on existing table " + table
            + " without NOT VALID: checks every row while blocking writes");
      } else if ((type.equals("CONSTR_PRIMARY") || type.equals("CONSTR_UNIQUE") || type.equals("CONSTR_EXCLUSION"))
          && constraint.path("indexname").asText("").isEmpty()) {
        emit.at(location, Rule.CONSTRAINT_BUILDS_INDEX, "ADD CONSTRAINT " + label
            + type.substring("CONSTR_".length()) + " on existing table " + table
            + " builds its index under an ACCESS EXCLUSIVE lock");
      }
    }

    // Columns of a PRIMARY KEY or FOREIGN KEY declared integer or smallint, once per column.
    private void integerKeys(String table, Iterable<JsonNode> elements, Emitter emit) {
      Set<String> reported = new HashSet<>();
      for (JsonNode element : elements) {
        JsonNode columnDef = element.path("ColumnDef");
        for (JsonNode constraint : columnDef.path("constraints")) {
          String key = keyKind(constraint.path("Constraint"));
          if (key != null) {
            integerKey(table, columnDef.path("colname").asText(), key,
                columnDef.path("typeName").path("location").asInt(-1), reported, emit);
          }
        }
        JsonNode constraint = element.path("Constraint");
        String key = keyKind(constraint);
        if (key != null) {
          for (JsonNode column : constraint.path(key.equals("PRIMARY KEY") ? "keys" : "fk_attrs")) {
            integerKey(table, column.path("String").path("sval").asText(), key, constraint.path("location").asInt(-1),
                reported, emit);
          }
        }
      }
    }

    private void integerKey(String table, String column, String key, int location, Set<String> reported,
        Emitter emit) {
      SchemaState.ColumnType type = schema.columnType(table, column);
      String label = type == null || type.array() ? null : INTEGER_TYPES.get(type.name());
      if (label != null && reported.add(column)) {
        emit.at(location, Rule.INTEGER_KEY_COLUMN, "column " + table + "." + column + " is " + label + ", in a " + key
            + ": it runs out at " + (label.contains("smallint") ? "32,767" : "2,147,483,647")
            + ", and moving to bigint later rewrites " + table + " and every table that references it");
      }
    }

    void identifiers(List<ScanTokens.Token> tokens, List<Finding> out) {
      for (ScanTokens.Token token : tokens) {
        if (token.kind() != ScanTokens.IDENT || token.end() - token.start() <= MAX_IDENTIFIER_BYTES) {
          continue;
        }
        String text = source.text(token.start(), token.end());
        String name = text.startsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES && longIdentifiers.add(name)) {
          out.add(finding(source.name, source.lineOfByte(token.start()), Rule.IDENTIFIER_TOO_LONG, "identifier "
              + name + " is " + bytes + " bytes: PostgreSQL truncates it to " + MAX_IDENTIFIER_BYTES + " with only a"
              + " NOTICE, so the object gets another name than the script's, and names alike in their first "
              + MAX_IDENTIFIER_BYTES + " bytes collide"));
        }
      }
    }

    // NOT VALID pays only if the VALIDATE runs in a later transaction: in the same one, the scan of
    // every row happens under the lock the ADD took (FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables;
    // CHECK: ACCESS EXCLUSIVE), which blocks writes. Flyway runs a script in one transaction unless
    // it holds a statement that cannot run in one; then (mixed=true, else Flyway refuses the script)
    // each statement commits on its own, so only the script's own BEGIN ... COMMIT makes the two
    // share a transaction. TransactionPlan works that out.
    private void validateConstraint(String table, String name, Emitter emit) {
      int[] added = addedNotValid.get(table + "." + name);
      if (added != null && added[0] == plan.transaction(index)) {
        emit.at(-1, Rule.VALIDATE_IN_SAME_TRANSACTION, "VALIDATE CONSTRAINT " + name + " on " + table
            + " runs in the same transaction as its ADD CONSTRAINT ... NOT VALID (line "
            + source.lineOfByte(added[1] >= 0 ? added[1] : 0) + "): every row is checked under the lock the ADD"
            + " took, which blocks writes to " + table + ", so NOT VALID bought nothing");
      }
    }

    // A CHECK (col IS NOT NULL): once validated, SET NOT NULL on col needs no scan (PostgreSQL 12+).
    private void recordNotNullCheck(String table, JsonNode constraint) {
      if (!constraint.path("contype").asText("").equals("CONSTR_CHECK")) {
        return;
      }
      JsonNode test = constraint.path("raw_expr").path("NullTest");
      JsonNode fields = test.path("arg").path("ColumnRef").path("fields");
      if (!test.path("nulltesttype").asText("").equals("IS_NOT_NULL") || fields.size() != 1) {
        return;
      }
      String column = fields.get(0).path("String").path("sval").asText();
      String name = constraint.path("conname").asText(null);
      schema.notNullCheckAdded(table, name, column, !constraint.path("skip_validation").asBoolean(false));
    }

    private void variableSet(JsonNode node) {
      if (!node.path("name").asText("").equalsIgnoreCase("lock_timeout")) {
        if (node.path("kind").asText("").equals("VAR_RESET_ALL")) {
          lockTimeoutSet = false;
        }
        return;
      }
      if (!node.path("kind").asText("").equals("VAR_SET_VALUE")) {
        lockTimeoutSet = false; // SET ... TO DEFAULT, RESET: back to the server's, usually 0 (none)
        return;
      }
      JsonNode value = node.path("args").path(0).path("A_Const");
      String text = value.has("sval") ? value.path("sval").path("sval").asText("").trim()
          : value.has("ival") ? String.valueOf(value.path("ival").path("ival").asLong(0)) : "";
      // 0, '0', '0s', '0ms': "no timeout".
      lockTimeoutSet = !text.replaceAll("[a-zA-Z\\s]", "").matches("0*(\\.0*)?");
      lockTimeoutLocal = lockTimeoutSet && node.path("is_local").asBoolean(false);
    }

    private void columnTypes(JsonNode node, Emitter emit) {
      if (node.isObject()) {
        JsonNode columnDef = node.get("ColumnDef");
        if (columnDef != null) {
          columnType(columnDef, emit);
        }
        node.elements().forEachRemaining(child -> columnTypes(child, emit));
      } else if (node.isArray()) {
        node.forEach(child -> columnTypes(child, emit));
      }
    }

    private void columnType(JsonNode columnDef, Emitter emit) {
      JsonNode typeName = columnDef.path("typeName");
      JsonNode names = typeName.path("names");
      String type = typeName(typeName);
      boolean catalog = names.size() == 2 && names.get(0).path("String").path("sval").asText().equals("pg_catalog");
      String column = columnDef.path("colname").asText("");
      String label = column.isEmpty() ? "" : "column " + column + " ";
      int location = typeName.path("location").asInt(columnDef.path("location").asInt(-1));
      if (catalog && type.equals("bpchar")) {
        emit.at(location, Rule.CHAR_COLUMN, label + "is char(n): pads with spaces and is no faster than text");
      } else if (catalog && type.equals("timestamp")) {
        emit.at(location, Rule.TIMESTAMP_WITHOUT_TIME_ZONE, label
            + "is timestamp without time zone: a wall-clock reading whose meaning depends on the writer's time zone");
      } else if (names.size() == 1 && SERIAL_TYPES.contains(type)) {
        emit.at(location, Rule.SERIAL_COLUMN, label + "is " + type + ": prefer an identity column");
      }
    }

    private String existing(String table) {
      return table == null || createdTables.contains(table) ? null : table;
    }

    /**
     * What a statement waits to lock, for the lock_timeout finding.
     *
     * @param object e.g. {@code table carriers}
     * @param queue what queues behind the wait, e.g. {@code carriers} or {@code its table}
     */
    private record Lock(String object, String queue) {

      static Lock table(String table) {
        return table == null ? null : new Lock("table " + table, table);
      }

      static Lock index(String index) {
        return index == null ? null : new Lock("index " + index, "its table");
      }
    }

    /** Collects findings of one statement, at a node's byte offset or the statement's first token. */
    private final class Emitter {
      final int start;
      final List<Finding> out;

      Emitter(int start, List<Finding> out) {
        this.start = start;
        this.out = out;
      }

      void at(int location, Rule rule, String message) {
        at(location, rule, message, rule.fix());
      }

      void at(int location, Rule rule, String message, String fix) {
        out.add(new Finding(source.name, source.lineOfByte(location >= 0 ? location : start), rule, rule.severity(),
            message, fix));
      }
    }
  }

  private static String relation(JsonNode rangeVar) {
    if (rangeVar.isMissingNode() || !rangeVar.has("relname")) {
      return null;
    }
    return rangeVar.path("relname").asText();
  }

  private static String lastName(JsonNode items) {
    return items.size() == 0 ? "" : items.get(items.size() - 1).path("String").path("sval").asText("");
  }

  private static String typeName(JsonNode typeName) {
    return lastName(typeName.path("names")).toLowerCase(Locale.ROOT);
  }

  /** The column's declared type, or null if it is not one the lint can read (%TYPE, a typmod expression). */
  private static SchemaState.ColumnType declaredType(JsonNode columnDef) {
    JsonNode typeName = columnDef.path("typeName");
    if (typeName.path("names").size() == 0 || typeName.path("pct_type").asBoolean(false)) {
      return null;
    }
    List<Integer> modifiers = new ArrayList<>();
    for (JsonNode modifier : typeName.path("typmods")) {
      JsonNode value = modifier.path("A_Const").path("ival");
      if (value.isMissingNode()) {
        return null;
      }
      modifiers.add(value.path("ival").asInt(0)); // protobuf JSON leaves out a 0
    }
    return new SchemaState.ColumnType(typeName(typeName), modifiers, typeName.path("arrayBounds").size() > 0);
  }

  /** The key a constraint makes its columns part of ({@code PRIMARY KEY}, {@code FOREIGN KEY}), or null. */
  private static String keyKind(JsonNode constraint) {
    return switch (constraint.path("contype").asText("")) {
      case "CONSTR_PRIMARY" -> "PRIMARY KEY";
      case "CONSTR_FOREIGN" -> "FOREIGN KEY";
      default -> null;
    };
  }

  /** Whether a WHERE condition is trivially true: {@code true}, {@code 1 = 1}, {@code 'a' = 'a'}, ORs and ANDs of those. */
  private static boolean alwaysTrue(JsonNode condition) {
    JsonNode constant = condition.path("A_Const");
    if (!constant.isMissingNode()) {
      return constant.path("boolval").path("boolval").asBoolean(false);
    }
    JsonNode cast = condition.path("TypeCast");
    if (!cast.isMissingNode()) {
      String value = cast.path("arg").path("A_Const").path("sval").path("sval").asText("").toLowerCase(Locale.ROOT);
      return typeName(cast.path("typeName")).equals("bool") && Set.of("t", "true", "y", "yes", "on", "1").contains(value);
    }
    JsonNode operator = condition.path("A_Expr");
    if (!operator.isMissingNode()) {
      JsonNode left = operator.path("lexpr").path("A_Const");
      JsonNode right = operator.path("rexpr").path("A_Const");
      return operator.path("kind").asText("").equals("AEXPR_OP")
          && Set.of("=", "<=", ">=").contains(lastName(operator.path("name")))
          && left.isObject() && !left.has("isnull") && withoutLocation(left).equals(withoutLocation(right));
    }
    JsonNode bool = condition.path("BoolExpr");
    JsonNode args = bool.path("args");
    return switch (bool.path("boolop").asText("")) {
      case "OR_EXPR" -> anyAlwaysTrue(args);
      case "AND_EXPR" -> args.size() > 0 && allAlwaysTrue(args);
      default -> false;
    };
  }

  private static boolean anyAlwaysTrue(JsonNode conditions) {
    for (JsonNode condition : conditions) {
      if (alwaysTrue(condition)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allAlwaysTrue(JsonNode conditions) {
    for (JsonNode condition : conditions) {
      if (!alwaysTrue(condition)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode withoutLocation(JsonNode constant) {
    if (!constant.isObject()) {
      return constant;
    }
    ObjectNode copy = constant.deepCopy();
    copy.remove("location");
    return copy;
  }

  /** Whether a VACUUM / REINDEX option list turns the option on: {@code FULL}, {@code (FULL)}, {@code (FULL true)}. */
  static boolean option(JsonNode options, String name) {
    for (JsonNode option : options) {
      JsonNode element = option.path("DefElem");
      if (element.path("defname").asText("").equals(name)) {
        JsonNode arg = element.path("arg");
        if (arg.has("Integer")) {
          return arg.path("Integer").path("ival").asInt(0) != 0;
        }
        String value = arg.path("String").path("sval").asText("true").toLowerCase(Locale.ROOT);
        return !(value.equals("false") || value.equals("off") || value.equals("no"));
      }
    }
    return false;
  }

  private static String volatileFunction(JsonNode expression) {
    if (expression.isObject()) {
      JsonNode call = expression.get("FuncCall");
      if (call != null) {
        String name = lastName(call.path("funcname")).toLowerCase(Locale.ROOT);
        if (VOLATILE_FUNCTIONS.contains(name)) {
          return name;
        }
      }
      for (JsonNode child : expression) {
        String found = volatileFunction(child);
        if (found != null) {
          return found;
        }
      }
    } else if (expression.isArray()) {
      for (JsonNode child : expression) {
        String found = volatileFunction(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String statementName(String type) {
    return switch (type) {
      case "IndexStmt" -> "CREATE INDEX";
      case "DropStmt" -> "DROP";
      case "RenameStmt" -> "RENAME";
      case "AlterTableStmt" -> "ALTER TABLE";
      case "CreateTrigStmt" -> "CREATE TRIGGER";
      case "TruncateStmt" -> "TRUNCATE";
      case "VacuumStmt" -> "VACUUM FULL";
      case "ClusterStmt" -> "CLUSTER";
      case "ReindexStmt" -> "REINDEX";
      case "LockStmt" -> "LOCK TABLE";
      default -> type;
    };
  }
}
