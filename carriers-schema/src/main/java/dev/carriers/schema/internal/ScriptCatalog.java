package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned SQL scripts found under a set of Flyway-style locations ({@code classpath:db/migration},
 * {@code filesystem:/path}), listed without a database: the migrations themselves, or their reverse
 * scripts, which carry the same file name in another folder.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScriptCatalog {

  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");

  /** One versioned script: its version, file name, and where to read it. */
  public record Script(MigrationVersion version, String fileName, String description, URL url) {

    /** Returns the version as Flyway prints it, such as {@code 2} or {@code 1.1}. */
    public String versionText() {
      return version.getVersion();
    }

    /**
     * Reads the script as UTF-8 text.
     *
     * @return the text
     * @throws UncheckedIOException if it cannot be read
     */
    public String read() {
      try (InputStream in = url.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("reading script " + fileName + " failed", e);
      }
    }

    /**
     * Tells whether Flyway may run the script in a transaction as far as its script configuration
     * file says: {@code <script>.sql.conf} beside it with {@code executeInTransaction=false} says
     * not. Without such a file, Flyway decides from the statements.
     *
     * @return false only when the script's configuration turns transactions off
     * @throws UncheckedIOException if the configuration file exists but cannot be read
     */
    public boolean executeInTransaction() {
      Properties settings = new Properties();
      try (InputStream in = new URL(url, fileName + ".conf").openStream()) {
        settings.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (FileNotFoundException e) {
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("reading the script configuration " + fileName + ".conf failed", e);
      }
      return !"false".equalsIgnoreCase(settings.getProperty("executeInTransaction", "true").strip());
    }
  }

  private final Map<String, Script> byFileName;

  private ScriptCatalog(Map<String, Script> byFileName) {
    this.byFileName = Collections.unmodifiableMap(byFileName);
  }

  /**
   * Lists the versioned scripts ({@code V<version>__<description>.sql}) under the locations,
   * searching sub-folders as Flyway does.
   *
   * @param classLoader the class loader for {@code classpath:} locations
   * @param locations the locations
   * @return the catalogue
   * @throws MigrationException if two scripts share a file name or version, or a location cannot
   *     be read
   */
  public static ScriptCatalog scan(ClassLoader classLoader, List<String> locations) {
    Map<String, Script> scripts = new TreeMap<>();
    Map<MigrationVersion, String> versions = new TreeMap<>();
    for (String location : locations) {
      for (URL url : list(classLoader, location)) {
        String path = url.getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
          continue;
        }
        MigrationVersion version = MigrationVersion.fromVersion(matcher.group(1).replace('_', '.'));
        Script script = new Script(version, fileName, matcher.group(2).replace('_', ' '), url);
        if (scripts.putIfAbsent(fileName, script) != null) {
          throw new MigrationException("two scripts named " + fileName + " under " + locations, null);
        }
        String other = versions.putIfAbsent(version, fileName);
        if (other != null) {
          throw new MigrationException("scripts " + other + " and " + fileName + " share version "
              + version + " under " + locations, null);
        }
      }
    }
    return new ScriptCatalog(scripts);
  }

  /** Returns every script, oldest version first. */
  public List<Script> scripts() {
    List<Script> list = new ArrayList<>(byFileName.values());
    list.sort(Comparator.comparing(Script::version));
    return list;
  }

  /**
   * Returns the script with a file name, or null.
   *
   * @param fileName such as {@code V2__add_carrier_status_enum.sql}
   * @return the script, or null
   */
  public Script byFileName(String fileName) {
    return byFileName.get(fileName);
  }

  /**
   * Returns the script of a version, or null.
   *
   * @param version the version
   * @return the script, or null
   */
  public Script byVersion(MigrationVersion version) {
    for (Script script : byFileName.values()) {
      if (script.version().equals(version)) {
        return script;
      }
    }
    return null;
  }

  /**
   * Returns the file names of the scripts in this catalogue that have no script of the same name in
   * the other catalogue: the migrations without a reverse script.
   *
   * @param reverse the reverse scripts
   * @return the file names, oldest version first
   */
  public List<String> withoutCounterpartIn(ScriptCatalog reverse) {
    List<String> missing = new ArrayList<>();
    for (Script script : scripts()) {
      if (reverse.byFileName(script.fileName()) == null) {
        missing.add(script.fileName());
      }
    }
    return missing;
  }

  private static List<URL> list(ClassLoader classLoader, String location) {
    try {
      if (location.startsWith("filesystem:")) {
        return walk(Paths.get(location.substring("filesystem:".length())));
      }
      String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
      path = path.replaceAll("^/+", "").replaceAll("/+$", "");
      List<URL> urls = new ArrayList<>();
      Enumeration<URL> roots = classLoader.getResources(path);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (root.getProtocol().equals("file")) {
          urls.addAll(walk(Paths.get(root.toURI())));
        } else if (root.getProtocol().equals("jar")) {
          urls.addAll(jarEntries(root, path));
        } else {
          throw new MigrationException("cannot list scripts at " + root + " (protocol " + root.getProtocol()
              + "); use a filesystem: location", null);
        }
      }
      return urls;
    } catch (IOException e) {
      throw new MigrationException("listing scripts under " + location + " failed: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new MigrationException("listing scripts under " + location + " failed: " + e.getMessage(), e);
    }
  }

  private static List<URL> walk(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        urls.add(file.toUri().toURL());
      }
    }
    return urls;
  }

  private static List<URL> jarEntries(URL root, String path) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    List<URL> urls = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      String prefix = path + "/";
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          String base = root.toString();
          urls.add(java.net.URI.create(base.substring(0, base.indexOf("!/") + 2) + entry.getName()).toURL());
        }
      }
    }
    return urls;
  }
}
