package dev.carriers.seed.internal;

import dev.carriers.dao.NewCarrier;
import dev.carriers.dao.validation.CarrierValidator;
import dev.carriers.dao.validation.Violation;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.seed.SeedRow;
import dev.carriers.seed.SeedRowError;
import dev.carriers.seed.SeedValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the dataset CSV format and validates every row with the DAO's rules plus the dataset's own
 * (a key on every row, unique keys, unique MC numbers), collecting every problem before throwing.
 * Stateless and thread-safe.
 */
public final class DatasetReader {

  /** A seed key: letters, digits and {@code . _ : -}, starting with a letter or digit, at most 100. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  /** Below this many rows, checking in parallel costs more than it saves. */
  private static final int PARALLEL_THRESHOLD = 20_000;

  private DatasetReader() {
  }

  /**
   * Reads and validates a dataset CSV.
   *
   * @param file the name errors give the input
   * @param csv the text
   * @return the normalised rows
   * @throws SeedValidationException listing every problem with file, line and field
   */
  public static List<SeedRow> read(String file, Reader csv) {
    List<Raw> raws = new ArrayList<>();
    long line = 1;
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new SeedValidationException("read dataset " + file,
            List.of(new SeedRowError(file, 1, "header", "is missing: the file is empty")));
      }
      CSVRecord header = records.next();
      if (!Arrays.asList(DatasetWriter.HEADER).equals(header.toList())) {
        throw new SeedValidationException("read dataset " + file, List.of(new SeedRowError(file, 1, "header",
            "must be " + String.join(",", DatasetWriter.HEADER) + " but is " + String.join(",", header.toList()))));
      }
      while (true) {
        line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (record.size() != DatasetWriter.HEADER.length) {
          raws.add(Raw.malformed(line, new SeedRowError(file, line, "row", "has " + record.size()
              + " columns, expected " + DatasetWriter.HEADER.length + " (" + String.join(",", DatasetWriter.HEADER)
              + ")")));
          continue;
        }
        raws.add(new Raw(line, record.get(0), record.get(1), record.get(2), record.get(3), null));
      }
    } catch (IOException | UncheckedIOException e) {
      // commons-csv reports a broken quote at the end of input; the row started at or after `line`.
      raws.add(Raw.malformed(line, new SeedRowError(file, line, "row", "is not valid CSV: " + e.getMessage())));
    }
    return checkAll("read dataset " + file, file, raws);
  }

  /**
   * Validates rows built in code, numbering them as lines of a file with a header.
   *
   * @param file the name errors give the rows
   * @param rows the rows
   * @return the normalised rows
   * @throws SeedValidationException listing every problem
   */
  public static List<SeedRow> validate(String file, List<SeedRow> rows) {
    List<Raw> raws = new ArrayList<>(rows.size());
    long line = 1;
    for (SeedRow row : rows) {
      line++;
      raws.add(new Raw(line, row.key(), row.name(), row.mcNumber(), row.status().getLiteral(), null));
    }
    return checkAll("validate dataset " + file, file, raws);
  }

  /**
   * Checks every row: first each row on its own (key form, status, the DAO's Bean Validation), in
   * parallel for large inputs since that is where the time goes; then, in file order, what needs the
   * rows before it (unique keys and MC numbers).
   */
  private static List<SeedRow> checkAll(String operation, String file, List<Raw> raws) {
    CarrierValidator validator = CarrierValidator.instance();
    var stream = raws.stream();
    if (raws.size() >= PARALLEL_THRESHOLD) {
      stream = stream.parallel();
    }
    List<Checked> checked = stream.map(raw -> raw.malformed != null ? new Checked(raw, null, null, List.of(raw.malformed))
        : checkOne(file, raw, validator)).toList();

    List<SeedRowError> errors = new ArrayList<>();
    List<SeedRow> rows = new ArrayList<>(raws.size());
    Map<String, Long> keys = new HashMap<>();
    Map<String, Long> mcNumbers = new HashMap<>();
    for (Checked row : checked) {
      int before = errors.size();
      long line = row.raw.line;
      if (row.carrier != null) {
        String key = row.raw.key == null ? "" : row.raw.key.strip();
        Long first = KEY.matcher(key).matches() ? keys.putIfAbsent(key, line) : null;
        if (first != null) {
          errors.add(new SeedRowError(file, line, "key", "duplicates the key on line " + first));
        }
      }
      errors.addAll(row.errors);
      if (row.carrier != null && row.carrier.mcNumber() != null && errors.size() == before) {
        Long first = mcNumbers.putIfAbsent(row.carrier.mcNumber(), line);
        if (first != null) {
          errors.add(new SeedRowError(file, line, "mc_number", "duplicates the MC number on line " + first));
        }
      }
      if (errors.size() == before) {
        rows.add(new SeedRow(row.raw.key.strip(), row.carrier.name(), row.carrier.mcNumber(), row.status));
      }
    }
    if (!errors.isEmpty()) {
      throw new SeedValidationException(operation, errors);
    }
    return List.copyOf(rows);
  }

  private static Checked checkOne(String file, Raw raw, CarrierValidator validator) {
    List<SeedRowError> errors = new ArrayList<>(0);
    String key = raw.key == null ? "" : raw.key.strip();
    if (!KEY.matcher(key).matches()) {
      errors.add(new SeedRowError(file, raw.line, "key", key.isEmpty() ? "must not be blank"
          : "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
    }
    CarrierStatus status = null;
    if (raw.status == null || raw.status.isBlank()) {
      status = CarrierStatus.ACTIVE;
    } else {
      for (CarrierStatus candidate : CarrierStatus.values()) {
        if (candidate.getLiteral().equals(raw.status.strip())) {
          status = candidate;
        }
      }
      if (status == null) {
        errors.add(new SeedRowError(file, raw.line, "status",
            "must be one of ACTIVE, INACTIVE, OUT_OF_SERVICE (or empty for ACTIVE)"));
      }
    }
    NewCarrier carrier = NewCarrier.of(raw.name, raw.mcNumber, status);
    for (Violation violation : validator.violations(carrier, "")) {
      errors.add(new SeedRowError(file, raw.line, column(violation.field()), violation.message()));
    }
    return new Checked(raw, carrier, status, errors);
  }

  private static String column(String field) {
    return switch (field) {
      case "mcNumber" -> "mc_number";
      default -> field;
    };
  }

  /** A row as read, or a row that could not be read ({@code malformed}). */
  private record Raw(long line, String key, String name, String mcNumber, String status, SeedRowError malformed) {
    static Raw malformed(long line, SeedRowError error) {
      return new Raw(line, null, null, null, null, error);
    }
  }

  /** A row checked on its own: the normalised carrier (null if malformed) and its own errors. */
  private record Checked(Raw raw, NewCarrier carrier, CarrierStatus status, List<SeedRowError> errors) {
  }
}
