package dev.carriers.seed.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows to a {@code COPY ... FROM STDIN (FORMAT csv)} in large chunks, encoding the CSV
 * itself (no per-row allocation beyond the strings' bytes). Not thread-safe; one per COPY.
 */
final class CopyStream implements AutoCloseable {

  private static final int CHUNK = 1 << 18;

  private final CopyIn copy;
  private byte[] buffer = new byte[CHUNK + 1024];
  private int length;
  private boolean firstField = true;
  private boolean done;

  CopyStream(CopyManager manager, String sql) throws SQLException {
    this.copy = manager.copyIn(sql);
  }

  /** Appends a field that never needs quoting (digits, keys, enum literals, UUIDs). */
  CopyStream plain(String value) {
    separator();
    ascii(value);
    return this;
  }

  /** Appends a number. */
  CopyStream number(long value) {
    separator();
    ascii(Long.toString(value));
    return this;
  }

  /** Appends null (an unquoted empty field). */
  CopyStream nullField() {
    separator();
    return this;
  }

  /** Appends text, always quoted, so an empty string stays distinct from null. */
  CopyStream text(String value) {
    separator();
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length * 2 + 2);
    buffer[length++] = '"';
    for (byte b : bytes) {
      if (b == '"') {
        buffer[length++] = '"';
      }
      buffer[length++] = b;
    }
    buffer[length++] = '"';
    return this;
  }

  /** Ends a row, sending the buffer when it is full. */
  void endRow() throws SQLException {
    ensure(1);
    buffer[length++] = '\n';
    firstField = true;
    if (length >= CHUNK) {
      flush();
    }
  }

  /**
   * Sends what is left and ends the COPY.
   *
   * @return the rows the server copied
   */
  long finish() throws SQLException {
    flush();
    done = true;
    return copy.endCopy();
  }

  @Override
  public void close() throws SQLException {
    if (!done && copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void flush() throws SQLException {
    if (length > 0) {
      copy.writeToCopy(buffer, 0, length);
      length = 0;
    }
  }

  private void separator() {
    if (!firstField) {
      ensure(1);
      buffer[length++] = ',';
    }
    firstField = false;
  }

  private void ascii(String value) {
    int n = value.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buffer[length++] = (byte) value.charAt(i);
    }
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      byte[] bigger = new byte[Math.max(buffer.length * 2, length + more)];
      System.arraycopy(buffer, 0, bigger, 0, length);
      buffer = bigger;
    }
  }
}
