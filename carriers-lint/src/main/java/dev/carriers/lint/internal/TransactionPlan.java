package dev.carriers.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carriers.lint.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which transaction each statement of one script runs in, as Flyway and PostgreSQL run it, and
 * what is wrong with the script's own BEGIN/COMMIT.
 *
 * <p>Flyway runs a script in one transaction unless its parser sees a statement that cannot run
 * in one ({@code PostgreSQLParser.detectCanExecuteInTransaction}: CREATE/DROP INDEX CONCURRENTLY,
 * REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM, CREATE/DROP DATABASE/TABLESPACE/SUBSCRIPTION, ALTER
 * SYSTEM, DISCARD ALL). A script with such a statement and any other (a SET, a BEGIN, a COMMENT)
 * is refused by default ({@code mixed=false}); with {@code mixed=true} Flyway runs it with every
 * statement committing on its own. Either way no two statements of a non-transactional script
 * share a transaction, except inside the script's own BEGIN ... COMMIT, so that is the model
 * here: a transactional script is one transaction (until a COMMIT in it ends Flyway's early), a
 * non-transactional one is a transaction per statement or per explicit block. Flyway does not see
 * REINDEX TABLE/INDEX CONCURRENTLY or a bare CLUSTER as non-transactional; PostgreSQL then
 * refuses them in Flyway's transaction unless the script's {@code .sql.conf} says
 * {@code executeInTransaction=false}, which this lint does not read.
 *
 * <p>Immutable once built; confined to the thread linting the script.
 */
final class TransactionPlan {

  /** A finding about transactions, for statement {@code index}, at byte offset {@code location}. */
  record Problem(int index, int location, Rule rule, String message) {
  }

  private final boolean transactional;
  private final int[] transaction;
  private final boolean[] inTransaction;
  private final List<Problem> problems = new ArrayList<>();

  private TransactionPlan(int size, boolean transactional) {
    this.transactional = transactional;
    this.transaction = new int[size];
    this.inTransaction = new boolean[size];
  }

  /**
   * Plans a script.
   *
   * @param statements each statement's node ({@code {"IndexStmt": {...}}})
   * @param starts each statement's byte offset (its first token)
   * @param lineOfByte the line of a byte offset, for messages
   * @return the plan
   */
  static TransactionPlan of(List<JsonNode> statements, int[] starts, IntUnaryOperator lineOfByte) {
    int firstNonTransactional = -1;
    int firstTransactional = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (flywayNonTransactional(statements.get(i)) != null) {
        firstNonTransactional = firstNonTransactional < 0 ? i : firstNonTransactional;
      } else {
        firstTransactional = firstTransactional < 0 ? i : firstTransactional;
      }
    }
    TransactionPlan plan = new TransactionPlan(statements.size(), firstNonTransactional < 0);
    if (firstNonTransactional >= 0 && firstTransactional >= 0) {
      plan.problems.add(new Problem(firstNonTransactional, -1, Rule.MIXED_TRANSACTION_MODES, "Flyway refuses this"
          + " migration: " + flywayNonTransactional(statements.get(firstNonTransactional)) + " cannot run in a"
          + " transaction, and the script also has statements that can (the first on line "
          + lineOfByte.applyAsInt(starts[firstTransactional]) + "); with mixed=true it would run each statement"
          + " on its own, so a failure leaves the migration half-applied"));
    }
    plan.walk(statements, starts, lineOfByte);
    return plan;
  }

  private void walk(List<JsonNode> statements, int[] starts, IntUnaryOperator lineOfByte) {
    int current = 1; // Flyway's transaction, in a transactional script
    int counter = 1;
    int openBegin = -1; // the statement index of the explicit BEGIN whose block is open
    for (int i = 0; i < statements.size(); i++) {
      JsonNode wrapper = statements.get(i);
      JsonNode control = wrapper.path("TransactionStmt");
      String kind = control.path("kind").asText("");
      if (kind.equals("TRANS_STMT_BEGIN") || kind.equals("TRANS_STMT_START")) {
        if (openBegin >= 0) {
          problems.add(new Problem(i, -1, Rule.TRANSACTION_NESTING, "BEGIN inside the transaction block begun on line "
              + lineOfByte.applyAsInt(starts[openBegin]) + ": PostgreSQL only warns and ignores it, so the first"
              + " COMMIT ends both blocks"));
        } else {
          if (transactional) {
            problems.add(new Problem(i, -1, Rule.TRANSACTION_NESTING, "BEGIN in a script Flyway already runs in a"
                + " transaction: PostgreSQL only warns and ignores it, and the COMMIT meant for it commits Flyway's"
                + " transaction part-way, so a failure after it leaves the migration half-applied"));
          } else {
            current = ++counter;
          }
          openBegin = i;
        }
      } else if (kind.equals("TRANS_STMT_COMMIT") || kind.equals("TRANS_STMT_ROLLBACK")
          || kind.equals("TRANS_STMT_PREPARE")) {
        if (openBegin < 0) {
          problems.add(new Problem(i, -1, Rule.TRANSACTION_NESTING, transactional
              ? "COMMIT (or ROLLBACK) ends the transaction Flyway runs this script in, part-way: a failure after it"
                  + " leaves the migration half-applied"
              : "COMMIT (or ROLLBACK) with no BEGIN before it: PostgreSQL only warns, so a BEGIN is missing or"
                  + " misplaced"));
        }
        transaction[i] = current;
        inTransaction[i] = true;
        boolean chain = control.path("chain").asBoolean(false);
        openBegin = chain ? openBegin : -1;
        current = transactional || chain ? ++counter : current; // the session opens the next one at once
        continue;
      } else if (!transactional && openBegin < 0) {
        current = ++counter; // autocommit: a transaction of its own
      }
      transaction[i] = current;
      inTransaction[i] = transactional || openBegin >= 0;
      String refused = refusedInTransactionBlock(wrapper);
      if (refused != null && openBegin >= 0) {
        problems.add(new Problem(i, -1, Rule.NON_TRANSACTIONAL_IN_TRANSACTION, refused + " cannot run inside a"
            + " transaction block, and this one is inside the BEGIN on line " + lineOfByte.applyAsInt(starts[openBegin])
            + ": it fails"));
      }
    }
    if (openBegin >= 0 && !transactional) {
      problems.add(new Problem(openBegin, -1, Rule.TRANSACTION_NESTING, "BEGIN with no COMMIT after it: Flyway runs"
          + " this script outside a transaction, so the block stays open after the script, holding its locks"));
    }
  }

  /** Whether Flyway runs the whole script in one transaction. */
  boolean transactional() {
    return transactional;
  }

  /** The transaction statement {@code index} runs in: statements with the same number share one. */
  int transaction(int index) {
    return transaction[index];
  }

  /** Whether statement {@code index} runs inside a transaction (so SET LOCAL lasts past it). */
  boolean inTransaction(int index) {
    return inTransaction[index];
  }

  /** The findings about transactions, each for one statement. */
  List<Problem> problems() {
    return problems;
  }

  /** What Flyway's parser sees as unable to run in a transaction, by name, or null. */
  static String flywayNonTransactional(JsonNode wrapper) {
    String type = wrapper.fieldNames().hasNext() ? wrapper.fieldNames().next() : "";
    JsonNode node = wrapper.path(type);
    return switch (type) {
      case "IndexStmt" -> node.path("concurrent").asBoolean(false) ? "CREATE INDEX CONCURRENTLY" : null;
      case "DropStmt" -> node.path("concurrent").asBoolean(false) ? "DROP INDEX CONCURRENTLY" : null;
      case "ReindexStmt" -> switch (node.path("kind").asText("")) {
        case "REINDEX_OBJECT_SCHEMA", "REINDEX_OBJECT_DATABASE", "REINDEX_OBJECT_SYSTEM" ->
            "REINDEX " + node.path("kind").asText("").substring("REINDEX_OBJECT_".length());
        default -> null;
      };
      case "VacuumStmt" -> node.path("is_vacuumcmd").asBoolean(false) ? "VACUUM" : null;
      case "CreatedbStmt" -> "CREATE DATABASE";
      case "DropdbStmt" -> "DROP DATABASE";
      case "CreateTableSpaceStmt" -> "CREATE TABLESPACE";
      case "DropTableSpaceStmt" -> "DROP TABLESPACE";
      case "CreateSubscriptionStmt" -> "CREATE SUBSCRIPTION";
      case "DropSubscriptionStmt" -> "DROP SUBSCRIPTION";
      case "AlterSystemStmt" -> "ALTER SYSTEM";
      case "DiscardStmt" -> node.path("target").asText("").equals("DISCARD_ALL") ? "DISCARD ALL" : null;
      default -> null;
    };
  }

  /** What PostgreSQL refuses inside a transaction block, by name, or null. */
  private static String refusedInTransactionBlock(JsonNode wrapper) {
    JsonNode reindex = wrapper.path("ReindexStmt");
    if (!reindex.isMissingNode() && ScriptLinter.option(reindex.path("params"), "concurrently")) {
      return "REINDEX ... CONCURRENTLY";
    }
    if (wrapper.has("ClusterStmt") && !wrapper.path("ClusterStmt").has("relation")) {
      return "CLUSTER without a table";
    }
    if (wrapper.has("CreateSubscriptionStmt") || wrapper.has("DropSubscriptionStmt")) {
      return null; // only when they create or drop a replication slot
    }
    return flywayNonTransactional(wrapper);
  }
}
