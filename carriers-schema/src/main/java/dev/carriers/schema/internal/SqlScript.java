package dev.carriers.schema.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A PostgreSQL script split into statements, aware of comments ({@code --}, nested {@code /* *}{@code /}),
 * quoted identifiers, string literals ({@code '...'}, {@code E'...'}) and dollar quotes, so that
 * each statement can be executed on its own, and knowing whether the script may run inside a
 * transaction.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqlScript {

  // Statements PostgreSQL refuses inside a transaction block (the same list Flyway's PostgreSQL
  // parser checks), matched at the start of a statement with comments removed.
  private static final List<Pattern> NON_TRANSACTIONAL = List.of(
      Pattern.compile("^(create|drop)\\s+(unique\\s+)?index\\s+concurrently\\b"),
      Pattern.compile("^reindex\\b.*\\bconcurrently\\b", Pattern.DOTALL),
      Pattern.compile("^reindex\\s+(system|database)\\b"),
      Pattern.compile("^alter\\s+table\\b.*\\bdetach\\s+partition\\b.*\\bconcurrently\\b", Pattern.DOTALL),
      Pattern.compile("^vacuum\\b"),
      Pattern.compile("^discard\\s+all\\b"),
      Pattern.compile("^alter\\s+system\\b"),
      Pattern.compile("^(create|drop)\\s+database\\b"),
      Pattern.compile("^(create|drop)\\s+tablespace\\b"),
      Pattern.compile("^(create|drop)\\s+subscription\\b"));

  private final String text;
  private final List<String> statements;

  private SqlScript(String text, List<String> statements) {
    this.text = text;
    this.statements = List.copyOf(statements);
  }

  /**
   * Parses a script.
   *
   * @param text the script
   * @return the parsed script
   * @throws IllegalArgumentException if a quote, dollar quote or comment is not closed
   */
  public static SqlScript parse(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean meaningful = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(text, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int depth = 0;
        int start = i;
        do {
          if (i + 1 < n && text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
            depth++;
            i += 2;
          } else if (i + 1 < n && text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
            depth--;
            i += 2;
          } else if (i < n) {
            i++;
          } else {
            throw new IllegalArgumentException("unterminated /* comment in SQL script");
          }
        } while (depth > 0);
        current.append(text, start, i);
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(text, i, c);
        current.append(text, i, end);
        meaningful = true;
        i = end;
      } else if (c == '$' && dollarTag(text, i) != null
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')) {
        String tag = dollarTag(text, i);
        int close = text.indexOf(tag, i + tag.length());
        if (close < 0) {
          throw new IllegalArgumentException("unterminated dollar quote " + tag + " in SQL script");
        }
        int end = close + tag.length();
        current.append(text, i, end);
        meaningful = true;
        i = end;
      } else if (c == ';') {
        if (meaningful) {
          statements.add(current.toString().strip());
        }
        current.setLength(0);
        meaningful = false;
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          meaningful = true;
        }
        current.append(c);
        i++;
      }
    }
    if (meaningful) {
      statements.add(current.toString().strip());
    }
    return new SqlScript(text, statements);
  }

  private static int closingQuote(String text, int start, char quote) {
    boolean backslashEscapes = quote == '\'' && start > 0
        && (text.charAt(start - 1) == 'E' || text.charAt(start - 1) == 'e');
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated " + (quote == '"' ? "quoted identifier" : "string literal")
        + " in SQL script");
  }

  private static String dollarTag(String text, int start) {
    int i = start + 1;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '$'
        && (i == start + 1 || !Character.isDigit(text.charAt(start + 1)))) {
      return text.substring(start, i + 1);
    }
    return null;
  }

  /** Returns the script as written. */
  public String text() {
    return text;
  }

  /** Returns the statements in order, without the terminating semicolons. */
  public List<String> statements() {
    return statements;
  }

  /**
   * Returns the first statement PostgreSQL refuses inside a transaction block (such as
   * {@code CREATE INDEX CONCURRENTLY}), or null when the whole script may run in one transaction.
   *
   * @return the statement, or null
   */
  public String nonTransactionalStatement() {
    for (String statement : statements) {
      String normalized = withoutComments(statement).strip().toLowerCase(Locale.ROOT);
      for (Pattern pattern : NON_TRANSACTIONAL) {
        if (pattern.matcher(normalized).find()) {
          return statement;
        }
      }
    }
    return null;
  }

  /** Returns true when the script may run in one transaction. */
  public boolean canRunInTransaction() {
    return nonTransactionalStatement() == null;
  }

  private static String withoutComments(String statement) {
    return statement.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
  }
}
