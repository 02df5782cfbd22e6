package dev.carriers.lint.internal;

import dev.carriers.lint.LintException;
import dev.carriers.lint.MigrationScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads migration scripts from a folder or a class path location (folders and jars), in the order
 * Flyway applies them: versioned ({@code V<version>__...}) by version, then the rest by name.
 *
 * <p>Stateless; thread-safe.
 */
public final class MigrationFiles {

  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*");

  /** Flyway's order: versioned scripts by numeric version, then everything else by name. */
  static final Comparator<MigrationScript> FLYWAY_ORDER = (a, b) -> {
    List<Long> va = version(a.name());
    List<Long> vb = version(b.name());
    if (va != null && vb != null) {
      for (int i = 0; i < Math.max(va.size(), vb.size()); i++) {
        long x = i < va.size() ? va.get(i) : 0;
        long y = i < vb.size() ? vb.get(i) : 0;
        if (x != y) {
          return Long.compare(x, y);
        }
      }
      return a.name().compareTo(b.name());
    }
    if (va != null || vb != null) {
      return va != null ? -1 : 1;
    }
    return a.name().compareTo(b.name());
  };

  private MigrationFiles() {
  }

  /**
   * Reads the {@code .sql} files of a folder.
   *
   * @param directory the folder
   * @return the scripts, in Flyway's order
   * @throws LintException if it is not a readable folder
   */
  public static List<MigrationScript> fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new LintException("lint: " + directory + " is not a directory", null);
    }
    List<MigrationScript> scripts = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".sql")) {
          scripts.add(new MigrationScript(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new LintException("lint: cannot read the migrations in " + directory + ": " + e.getMessage(), e);
    }
    scripts.sort(FLYWAY_ORDER);
    return scripts;
  }

  /**
   * Reads the {@code .sql} files directly under a class path location, from every folder or jar
   * that has it.
   *
   * @param location e.g. {@code db/migration} or {@code classpath:db/migration}
   * @param loader the class loader to search
   * @return the scripts, in Flyway's order
   * @throws LintException if the location is on no class path entry or cannot be read
   */
  public static List<MigrationScript> fromClasspath(String location, ClassLoader loader) {
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    path = path.replaceAll("^/+|/+$", "");
    List<MigrationScript> scripts = new ArrayList<>();
    try {
      List<URL> roots = Collections.list(loader.getResources(path));
      if (roots.isEmpty()) {
        throw new LintException("lint: no migrations at classpath:" + path, null);
      }
      for (URL root : roots) {
        if (root.getProtocol().equals("file")) {
          scripts.addAll(fromDirectory(Path.of(root.toURI())));
        } else if (root.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) root.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            String prefix = path + "/";
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(".sql")
                  && name.indexOf('/', prefix.length()) < 0) {
                try (InputStream in = jar.getInputStream(entry)) {
                  scripts.add(new MigrationScript(name.substring(prefix.length()),
                      new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
              }
            }
          }
        } else {
          throw new LintException("lint: cannot list classpath:" + path + " in " + root, null);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new LintException("lint: cannot read the migrations at classpath:" + path + ": " + e.getMessage(), e);
    }
    scripts.sort(FLYWAY_ORDER);
    return scripts;
  }

  private static List<Long> version(String name) {
    Matcher matcher = VERSIONED.matcher(name);
    if (!matcher.matches()) {
      return null;
    }
    List<Long> parts = new ArrayList<>();
    for (String part : matcher.group(1).split("[._]")) {
      parts.add(Long.parseLong(part));
    }
    return parts;
  }
}
