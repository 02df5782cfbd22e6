package dev.carriers.seed.internal;

import dev.carriers.seed.SeedRow;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in the dataset CSV format (RFC 4180, {@code \n} line ends, a field quoted only when
 * it must be). Hand-written because it is ten lines, and commons-csv's printer drags in an annotation
 * the compiler warns about. Stateless and thread-safe.
 */
public final class DatasetWriter {

  /** The dataset CSV header. */
  static final String[] HEADER = {"key", "name", "mc_number", "status"};

  private DatasetWriter() {
  }

  /** Returns the header's columns. */
  public static String[] header() {
    return HEADER.clone();
  }

  /**
   * Writes a header and the rows.
   *
   * @param rows the rows
   * @param out where to, not closed
   * @throws IOException if writing fails
   */
  public static void writeCsv(Iterable<SeedRow> rows, Writer out) throws IOException {
    out.write(String.join(",", HEADER));
    out.write('\n');
    for (SeedRow row : rows) {
      out.write(field(row.key()));
      out.write(',');
      out.write(field(row.name()));
      out.write(',');
      out.write(row.mcNumber() == null ? "" : row.mcNumber());
      out.write(',');
      out.write(row.status().getLiteral());
      out.write('\n');
    }
    out.flush();
  }

  private static String field(String value) {
    boolean quote = value.isEmpty() || !value.strip().equals(value);
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
