package dev.carriers.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Queries;
import org.jooq.Row;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Turns an existing dump into a {@link Dataset}: a CSV of carriers (any column order; a header
 * naming at least {@code name}, and optionally {@code key}, {@code id}, {@code mc_number},
 * {@code status}), or an {@code init.sql} of {@code INSERT INTO carriers ... VALUES ...} statements as
 * the old system kept its data, read with jOOQ's SQL parser (never with regular expressions).
 *
 * <p>Every row is normalised and validated as a dataset row ({@code "MC-012345"} becomes
 * {@code 12345}). Each row needs a stable key, so later imports of a newer dump update the same
 * carriers: the {@code key} column when there is one, else {@code import-id-<id>} from an
 * {@code id} column, else {@code import-mc-<mc_number>}, else {@code import-row-<n>} by position.
 *
 * <pre>{@code
 * Dataset dataset = DatasetImport.fromInitSql(Environment.DEVELOPMENT, 1, "init.sql", Files.readString(path));
 * dataset.write(Path.of("src/main/resources/seeds/development"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetImport {

  private DatasetImport() {
  }

  /**
   * Imports a CSV dump with a header.
   *
   * @param environment the dataset's environment
   * @param version the dataset's version
   * @param fileName the name errors give the input
   * @param csv the CSV text
   * @return the dataset
   * @throws SeedValidationException naming file, line and field of every bad row
   */
  public static Dataset fromCsv(Environment environment, int version, String fileName, Reader csv) {
    List<Imported> rows = new ArrayList<>();
    List<SeedRowError> errors = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      Map<String, Integer> columns = new HashMap<>();
      parser.getHeaderMap().forEach((column, index) -> columns.put(column.strip().toLowerCase(Locale.ROOT), index));
      if (!columns.containsKey("name")) {
        throw new SeedValidationException("import " + fileName,
            List.of(new SeedRowError(fileName, 1, "header", "needs a name column")));
      }
      var records = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        CSVRecord record = records.next();
        if (record.size() != columns.size()) {
          errors.add(new SeedRowError(fileName, line, "row", "has " + record.size() + " columns, expected "
              + columns.size()));
          continue;
        }
        rows.add(new Imported(line, value(record, columns, "key"), value(record, columns, "id"),
            value(record, columns, "name"), value(record, columns, "mc_number"), value(record, columns, "status")));
      }
    } catch (IOException | UncheckedIOException e) {
      errors.add(new SeedRowError(fileName, 0, "row", "is not valid CSV: " + e.getMessage()));
    }
    return toDataset(environment, version, fileName, rows, errors);
  }

  /**
   * Imports an {@code init.sql} made of {@code INSERT INTO carriers (...) VALUES (...), ...}
   * statements, such as {@code pg_dump --inserts} writes. Other statements ({@code SET},
   * {@code SELECT pg_catalog.set_config(...)}, {@code START TRANSACTION}, {@code COMMIT}, DDL) are
   * skipped; a bare {@code BEGIN;} is not SQL jOOQ's parser reads (write {@code START TRANSACTION;});
   * an insert into another table, an {@code INSERT ... SELECT} or a value that is not a literal is an
   * error. Errors name the statement and row ({@code insert 3, row 2}) in their field, and line 0.
   *
   * @param environment the dataset's environment
   * @param version the dataset's version
   * @param fileName the name errors give the input
   * @param sql the script
   * @return the dataset
   * @throws SeedValidationException naming every bad row, or the script when it does not parse
   */
  public static Dataset fromInitSql(Environment environment, int version, String fileName, String sql) {
    Queries queries;
    try {
      // pg_dump's preamble calls functions jOOQ does not know (pg_catalog.set_config): let them parse.
      queries = DSL.using(SQLDialect.POSTGRES,
          new Settings().withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)).parser().parse(sql);
    } catch (org.jooq.impl.ParserException e) {
      throw new SeedValidationException("import " + fileName, List.of(new SeedRowError(fileName, e.line(), "sql",
          "does not parse at column " + e.column() + ": " + e.getMessage().lines().findFirst().orElse(""))), e);
    }
    List<Imported> rows = new ArrayList<>();
    List<SeedRowError> errors = new ArrayList<>();
    int statement = 0;
    for (Query query : queries) {
      if (!(query instanceof QOM.Insert<?> insert)) {
        continue;
      }
      statement++;
      String where = "insert " + statement;
      String table = insert.$into().getName();
      if (!"carriers".equalsIgnoreCase(table)) {
        errors.add(new SeedRowError(fileName, 0, where, "inserts into " + table + ", not carriers"));
        continue;
      }
      if (insert.$select() != null || insert.$values().isEmpty()) {
        errors.add(new SeedRowError(fileName, 0, where, "must be INSERT ... VALUES, not a SELECT or DEFAULT VALUES"));
        continue;
      }
      List<String> columns = new ArrayList<>();
      for (Field<?> column : insert.$columns()) {
        columns.add(column.getName().toLowerCase(Locale.ROOT));
      }
      if (!columns.contains("name")) {
        errors.add(new SeedRowError(fileName, 0, where, "names no name column (list the columns)"));
        continue;
      }
      int rowNumber = 0;
      for (Row row : insert.$values()) {
        rowNumber++;
        String at = where + ", row " + rowNumber;
        if (row.size() != columns.size()) {
          errors.add(new SeedRowError(fileName, 0, at, "has " + row.size() + " values for " + columns.size()
              + " columns"));
          continue;
        }
        Map<String, String> values = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < columns.size(); i++) {
          Field<?> field = row.$fields().get(i);
          while (field instanceof QOM.Cast<?> cast) {
            field = cast.$field();
          }
          if (!(field instanceof Param<?> param)) {
            errors.add(new SeedRowError(fileName, 0, at + "." + columns.get(i), "must be a literal, not " + field));
            ok = false;
            continue;
          }
          values.put(columns.get(i), param.getValue() == null ? null : param.getValue().toString());
        }
        if (ok) {
          rows.add(new Imported(0, values.get("key"), values.get("id"), values.get("name"), values.get("mc_number"),
              values.get("status"), at));
        }
      }
    }
    return toDataset(environment, version, fileName, rows, errors);
  }

  private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null ? null : record.get(index);
  }

  private static Dataset toDataset(Environment environment, int version, String fileName, List<Imported> rows,
      List<SeedRowError> errors) {
    if (!errors.isEmpty()) {
      throw new SeedValidationException("import " + fileName, errors);
    }
    // Rebuild as dataset CSV and read it back: one set of rules, one way of reporting them. Line
    // numbers of the original input are restored from the mapping.
    StringBuilder csv = new StringBuilder(String.join(",", dev.carriers.seed.internal.DatasetWriter.header()))
        .append('\n');
    int n = 0;
    for (Imported row : rows) {
      n++;
      String key = row.key != null && !row.key.isBlank() ? row.key.strip()
          : row.id != null && !row.id.isBlank() ? "import-id-" + row.id.strip()
          : row.mcNumber != null && !row.mcNumber.isBlank()
              ? "import-mc-" + dev.carriers.dao.validation.McNumbers.clean(row.mcNumber)
          : "import-row-" + n;
      csv.append(quote(key)).append(',').append(quote(row.name == null ? "" : row.name)).append(',')
          .append(quote(row.mcNumber == null ? "" : row.mcNumber)).append(',')
          .append(quote(row.status == null ? "" : row.status)).append('\n');
    }
    try {
      return Dataset.read(environment, version, fileName, new java.io.StringReader(csv.toString()));
    } catch (SeedValidationException e) {
      List<SeedRowError> located = new ArrayList<>();
      for (SeedRowError error : e.errors()) {
        int index = (int) error.line() - 2;
        Imported source = index >= 0 && index < rows.size() ? rows.get(index) : null;
        if (source == null) {
          located.add(error);
        } else if (source.where != null) {
          located.add(new SeedRowError(fileName, 0, source.where + "." + error.field(), error.message()));
        } else {
          located.add(new SeedRowError(fileName, source.line, error.field(), error.message()));
        }
      }
      throw new SeedValidationException("import " + fileName, located);
    }
  }

  private static String quote(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private record Imported(long line, String key, String id, String name, String mcNumber, String status,
      String where) {
    Imported(long line, String key, String id, String name, String mcNumber, String status) {
      this(line, key, id, name, mcNumber, status, null);
    }
  }
}
