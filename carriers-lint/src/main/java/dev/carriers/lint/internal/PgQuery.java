package dev.carriers.lint.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import dev.carriers.lint.LibPgQueryUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL's own parser and scanner, from libpg_query 15 ({@code libpg_query.so.1504.0}, Debian
 * package {@code libpg-query1504.0}), called through JNA. Input goes in as NUL-terminated UTF-8;
 * every location that comes back is a byte offset into that UTF-8.
 *
 * <p>Immutable; thread-safe (libpg_query keeps its memory contexts per thread).
 */
public final class PgQuery {

  /** What the library is looked up as when no path is configured, in order. */
  static final List<String> DEFAULT_NAMES = List.of(
      "libpg_query.so.1504.0", "pg_query", "/usr/lib/x86_64-linux-gnu/libpg_query.so.1504.0",
      "/usr/lib/aarch64-linux-gnu/libpg_query.so.1504.0");

  private static final Map<String, PgQuery> LOADED = new ConcurrentHashMap<>();

  private final Native15 library;

  private PgQuery(Native15 library) {
    this.library = library;
  }

  /**
   * Loads libpg_query once per JVM and name.
   *
   * @param path an explicit file to load, or null to search {@link #DEFAULT_NAMES}
   * @return the loaded library
   * @throws LibPgQueryUnavailableException if it cannot be loaded
   */
  public static PgQuery load(String path) {
    List<String> names = path == null ? DEFAULT_NAMES : List.of(path);
    String key = String.join(":", names);
    PgQuery cached = LOADED.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      try {
        Native15 library = Native.load(name, Native15.class);
        PgQuery loaded = new PgQuery(library);
        LOADED.putIfAbsent(key, loaded);
        return loaded;
      } catch (UnsatisfiedLinkError e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    throw new LibPgQueryUnavailableException(
        (path == null ? "libpg_query is not installed" : "libpg_query cannot be loaded from " + path)
            + ": install the package libpg-query1504.0 (Debian/Ubuntu: apt-get install libpg-query1504.0)",
        new UnsatisfiedLinkError(String.join("; ", failures)));
  }

  /**
   * Parses SQL into libpg_query's JSON parse tree.
   *
   * @param sql the script
   * @return the JSON, or the syntax error
   */
  public ParseOutcome parse(String sql) {
    ParseResult.ByValue result = library.pg_query_parse(nulTerminated(sql));
    try {
      if (result.error != null) {
        PgQueryError error = new PgQueryError(result.error);
        return ParseOutcome.failed(error.message == null ? "syntax error" : error.message.getString(0,
            StandardCharsets.UTF_8.name()), error.cursorpos);
      }
      return ParseOutcome.parsed(result.parse_tree.getString(0, StandardCharsets.UTF_8.name()));
    } finally {
      library.pg_query_free_parse_result(result);
    }
  }

  /**
   * Scans SQL into its tokens, comments included.
   *
   * @param sql the script
   * @return the tokens in order, or an empty list if the scanner failed (the parser reports why)
   */
  public List<ScanTokens.Token> scan(String sql) {
    ScanResult.ByValue result = library.pg_query_scan(nulTerminated(sql));
    try {
      if (result.error != null || result.pbuf.data == null) {
        return List.of();
      }
      byte[] protobuf = result.pbuf.data.getByteArray(0, result.pbuf.len.intValue());
      return ScanTokens.decode(protobuf);
    } finally {
      library.pg_query_free_scan_result(result);
    }
  }

  private static byte[] nulTerminated(String sql) {
    byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, input, 0, utf8.length);
    return input;
  }

  /**
   * The outcome of a parse: the JSON tree, or an error message and its 1-based character position.
   *
   * @param json the parse tree, or null on error
   * @param error the error message, or null
   * @param cursorPosition the 1-based character position of the error, 0 if unknown
   */
  public record ParseOutcome(String json, String error, int cursorPosition) {

    static ParseOutcome parsed(String json) {
      return new ParseOutcome(json, null, 0);
    }

    static ParseOutcome failed(String error, int cursorPosition) {
      return new ParseOutcome(null, error, cursorPosition);
    }
  }

  /** The functions of pg_query.h this class calls. */
  interface Native15 extends Library {

    ParseResult.ByValue pg_query_parse(byte[] input);

    void pg_query_free_parse_result(ParseResult.ByValue result);

    ScanResult.ByValue pg_query_scan(byte[] input);

    void pg_query_free_scan_result(ScanResult.ByValue result);
  }

  /** {@code PgQueryParseResult}. */
  @FieldOrder({"parse_tree", "stderr_buffer", "error"})
  public static class ParseResult extends Structure {
    public Pointer parse_tree;
    public Pointer stderr_buffer;
    public Pointer error;

    /** Passed and returned by value. */
    public static class ByValue extends ParseResult implements Structure.ByValue {
    }
  }

  /** {@code PgQueryProtobuf}. */
  @FieldOrder({"len", "data"})
  public static class Protobuf extends Structure {
    public NativeLong len;
    public Pointer data;
  }

  /** {@code PgQueryScanResult}. */
  @FieldOrder({"pbuf", "stderr_buffer", "error"})
  public static class ScanResult extends Structure {
    public Protobuf pbuf;
    public Pointer stderr_buffer;
    public Pointer error;

    /** Passed and returned by value. */
    public static class ByValue extends ScanResult implements Structure.ByValue {
    }
  }

  /** {@code PgQueryError}. */
  @FieldOrder({"message", "funcname", "filename", "lineno", "cursorpos", "context"})
  public static class PgQueryError extends Structure {
    public Pointer message;
    public Pointer funcname;
    public Pointer filename;
    public int lineno;
    public int cursorpos;
    public Pointer context;

    /** Reads the error libpg_query returned. */
    PgQueryError(Pointer pointer) {
      super(pointer);
      read();
    }

    /** For JNA. */
    public PgQueryError() {
    }
  }
}
