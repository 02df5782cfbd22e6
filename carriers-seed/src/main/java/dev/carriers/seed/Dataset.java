package dev.carriers.seed;

import dev.carriers.SettingCheck;
import dev.carriers.seed.internal.DatasetReader;
import dev.carriers.seed.internal.DatasetWriter;
import dev.carriers.seed.internal.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A validated dataset of carriers for one environment: a version, the rows, and a checksum of the
 * rows' content.
 *
 * <p>On disk (and in this jar, under {@code seeds/<environment>/}) a dataset is two files:
 * {@code carriers.csv} (RFC 4180, UTF-8, header {@code key,name,mc_number,status}) and
 * {@code manifest.properties} ({@code environment}, {@code version}, {@code checksum}). Every row is
 * normalised and validated with the DAO's rules ({@link dev.carriers.dao.NewCarrier},
 * {@link dev.carriers.dao.validation.CarrierValidator}); keys and MC numbers must be unique in the
 * dataset. A dataset with any bad row is refused as a whole, naming file, line and field of each.
 *
 * <pre>{@code
 * Dataset testing = Dataset.bundled(Environment.TESTING);
 * Dataset mine = Dataset.read(Path.of("seeds/development"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Dataset {

  /** The data file's name in a dataset directory. */
  public static final String DATA_FILE = "carriers.csv";

  /** The manifest's name in a dataset directory. */
  public static final String MANIFEST_FILE = "manifest.properties";

  private static final java.util.Map<Environment, Dataset> BUNDLED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Environment environment;
  private final int version;
  private final List<SeedRow> rows;
  private final String checksum;

  private Dataset(Environment environment, int version, List<SeedRow> rows) {
    SettingCheck.require(version >= 1, "dataset version " + version, "use 1 or more");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.version = version;
    this.rows = rows;
    this.checksum = Checksums.datasetChecksum(rows);
  }

  /**
   * Returns the dataset of an environment shipped in this jar.
   *
   * @param environment the environment
   * @return the dataset
   * @throws SeedValidationException if the bundled files are invalid, or the content does not match
   *     the manifest's checksum (the content was edited without a new version)
   */
  public static Dataset bundled(Environment environment) {
    // Immutable and read from the jar: read and validated once per JVM.
    return BUNDLED.computeIfAbsent(environment, Dataset::readBundled);
  }

  private static Dataset readBundled(Environment environment) {
    String directory = "seeds/" + environment.id() + "/";
    Properties manifest = new Properties();
    try (InputStream in = resource(directory + MANIFEST_FILE)) {
      manifest.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("read " + directory + MANIFEST_FILE, e);
    }
    try (Reader csv = new java.io.InputStreamReader(resource(directory + DATA_FILE), StandardCharsets.UTF_8)) {
      return fromManifest(manifest, directory + MANIFEST_FILE, directory + DATA_FILE, csv, environment);
    } catch (IOException e) {
      throw new UncheckedIOException("read " + directory + DATA_FILE, e);
    }
  }

  /**
   * Reads a dataset directory ({@code manifest.properties} and {@code carriers.csv}).
   *
   * @param directory the directory
   * @return the dataset
   * @throws SeedValidationException naming file, line and field of every bad row
   * @throws UncheckedIOException if a file cannot be read
   */
  public static Dataset read(Path directory) {
    Path manifestFile = directory.resolve(MANIFEST_FILE);
    Path dataFile = directory.resolve(DATA_FILE);
    Properties manifest = new Properties();
    try (Reader in = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
      manifest.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("read " + manifestFile, e);
    }
    try (Reader csv = Files.newBufferedReader(dataFile, StandardCharsets.UTF_8)) {
      return fromManifest(manifest, manifestFile.toString(), dataFile.toString(), csv, null);
    } catch (IOException e) {
      throw new UncheckedIOException("read " + dataFile, e);
    }
  }

  /**
   * Reads and validates rows in the dataset CSV format.
   *
   * @param environment the environment the rows are for
   * @param version the dataset's version, 1 or more
   * @param fileName the name errors give the input, such as {@code carriers.csv}
   * @param csv the CSV text, header {@code key,name,mc_number,status}
   * @return the dataset
   * @throws SeedValidationException naming file, line and field of every bad row
   */
  public static Dataset read(Environment environment, int version, String fileName, Reader csv) {
    return new Dataset(environment, version, DatasetReader.read(fileName, csv));
  }

  /**
   * Builds a dataset from rows, validating them as if read from a file (line numbers count from 2,
   * as under a header line).
   *
   * @param environment the environment
   * @param version the version, 1 or more
   * @param rows the rows
   * @return the dataset
   * @throws SeedValidationException naming every bad row
   */
  public static Dataset of(Environment environment, int version, List<SeedRow> rows) {
    return new Dataset(environment, version, DatasetReader.validate("<rows>", rows));
  }

  private static Dataset fromManifest(Properties manifest, String manifestName, String dataName,
      Reader csv, Environment expected) {
    String environmentId = manifest.getProperty("environment");
    String versionText = manifest.getProperty("version");
    String declaredChecksum = manifest.getProperty("checksum");
    Environment environment;
    int version;
    try {
      environment = Environment.fromId(environmentId);
      version = Integer.parseInt(versionText == null ? "" : versionText.strip());
      if (version < 1) {
        throw new NumberFormatException();
      }
    } catch (IllegalArgumentException e) {
      throw new SeedValidationException("read dataset " + manifestName, List.of(new SeedRowError(
          manifestName, 0, environmentId == null || e instanceof NumberFormatException ? "version" : "environment",
          "needs environment=development|testing|production and version=<1 or more>")));
    }
    if (expected != null && environment != expected) {
      throw new SeedValidationException("read dataset " + manifestName, List.of(new SeedRowError(
          manifestName, 0, "environment", "is " + environment.id() + ", expected " + expected.id())));
    }
    Dataset dataset = read(environment, version, dataName, csv);
    if (declaredChecksum != null && !declaredChecksum.strip().equals(dataset.checksum)) {
      throw new SeedValidationException("read dataset " + manifestName, List.of(new SeedRowError(
          manifestName, 0, "checksum", "is " + declaredChecksum.strip() + " but " + dataName
              + " has checksum " + dataset.checksum + ": content changed; give it a new version and checksum")));
    }
    return dataset;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = Dataset.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is missing from the class path");
    }
    return in;
  }

  /**
   * Writes this dataset as a directory: {@code carriers.csv} and {@code manifest.properties} with
   * environment, version and checksum. Overwrites both files.
   *
   * @param directory the directory, created if missing
   * @throws UncheckedIOException if writing fails
   */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
      try (var out = Files.newBufferedWriter(directory.resolve(DATA_FILE), StandardCharsets.UTF_8)) {
        DatasetWriter.writeCsv(rows, out);
      }
      String manifest = "# carriers-seed dataset. Changing carriers.csv needs a new version and checksum.\n"
          + "environment=" + environment.id() + "\n"
          + "version=" + version + "\n"
          + "checksum=" + checksum + "\n"
          + "rows=" + rows.size() + "\n";
      Files.writeString(directory.resolve(MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("write dataset to " + directory, e);
    }
  }

  /**
   * Returns a dataset with the same rows under another version.
   *
   * @param newVersion the version, 1 or more
   * @return the copy
   */
  public Dataset withVersion(int newVersion) {
    return new Dataset(environment, newVersion, rows);
  }

  /** Returns the environment the dataset is for. */
  public Environment environment() {
    return environment;
  }

  /** Returns the version, 1 or more. */
  public int version() {
    return version;
  }

  /** Returns the rows in file order. */
  public List<SeedRow> rows() {
    return rows;
  }

  /** Returns the number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * Returns the content checksum: lowercase hex SHA-256 of the normalised rows (key, name, MC number,
   * status, in order), so line endings or quoting styles do not change it.
   */
  public String checksum() {
    return checksum;
  }

  @Override
  public String toString() {
    return environment.id() + " v" + version + " (" + rows.size() + " rows, " + checksum.substring(0, 12) + ")";
  }
}
