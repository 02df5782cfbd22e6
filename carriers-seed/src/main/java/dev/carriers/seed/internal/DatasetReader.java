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
    List<SeedRowError> errors = new ArrayList<>();
    List<SeedRow> rows = new ArrayList<>();
    Checker checker = new Checker(file, errors);
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
          errors.add(new SeedRowError(file, line, "row", "has " + record.size() + " columns, expected "
              + DatasetWriter.HEADER.length + " (" + String.join(",", DatasetWriter.HEADER) + ")"));
          continue;
        }
        SeedRow row = checker.check(line, record.get(0), record.get(1), record.get(2), record.get(3));
        if (row != null) {
          rows.add(row);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // commons-csv reports a broken quote at the end of input; the row started at or after `line`.
      errors.add(new SeedRowError(file, line, "row", "is not valid CSV: " + e.getMessage()));
    }
    if (!errors.isEmpty()) {
      throw new SeedValidationException("read dataset " + file, errors);
    }
    return List.copyOf(rows);
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
    List<SeedRowError> errors = new ArrayList<>();
    List<SeedRow> normalised = new ArrayList<>(rows.size());
    Checker checker = new Checker(file, errors);
    long line = 1;
    for (SeedRow row : rows) {
      line++;
      SeedRow checked = checker.check(line, row.key(), row.name(), row.mcNumber(), row.status().getLiteral());
      if (checked != null) {
        normalised.add(checked);
      }
    }
    if (!errors.isEmpty()) {
      throw new SeedValidationException("validate dataset " + file, errors);
    }
    return List.copyOf(normalised);
  }

  private static final class Checker {
    private final String file;
    private final List<SeedRowError> errors;
    private final Map<String, Long> keys = new HashMap<>();
    private final Map<String, Long> mcNumbers = new HashMap<>();
    private final CarrierValidator validator = CarrierValidator.instance();

    Checker(String file, List<SeedRowError> errors) {
      this.file = file;
      this.errors = errors;
    }

    SeedRow check(long line, String key, String name, String mcNumber, String statusText) {
      int before = errors.size();
      String trimmedKey = key == null ? "" : key.strip();
      if (!KEY.matcher(trimmedKey).matches()) {
        errors.add(new SeedRowError(file, line, "key", trimmedKey.isEmpty() ? "must not be blank"
            : "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
      } else {
        Long first = keys.putIfAbsent(trimmedKey, line);
        if (first != null) {
          errors.add(new SeedRowError(file, line, "key", "duplicates the key on line " + first));
        }
      }
      CarrierStatus status = null;
      if (statusText == null || statusText.isBlank()) {
        status = CarrierStatus.ACTIVE;
      } else {
        for (CarrierStatus candidate : CarrierStatus.values()) {
          if (candidate.getLiteral().equals(statusText.strip())) {
            status = candidate;
          }
        }
        if (status == null) {
          errors.add(new SeedRowError(file, line, "status",
              "must be one of ACTIVE, INACTIVE, OUT_OF_SERVICE (or empty for ACTIVE)"));
        }
      }
      NewCarrier carrier = NewCarrier.of(name, mcNumber, status);
      for (Violation violation : validator.violations(carrier, "")) {
        errors.add(new SeedRowError(file, line, column(violation.field()), violation.message()));
      }
      if (carrier.mcNumber() != null && errors.size() == before) {
        Long first = mcNumbers.putIfAbsent(carrier.mcNumber(), line);
        if (first != null) {
          errors.add(new SeedRowError(file, line, "mc_number", "duplicates the MC number on line " + first));
        }
      }
      if (errors.size() != before) {
        return null;
      }
      return new SeedRow(trimmedKey, carrier.name(), carrier.mcNumber(), status);
    }

    private static String column(String field) {
      return switch (field) {
        case "mcNumber" -> "mc_number";
        default -> field;
      };
    }
  }
}
