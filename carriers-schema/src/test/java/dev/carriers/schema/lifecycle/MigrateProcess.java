package dev.carriers.schema.lifecycle;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/** A separate JVM that migrates the database named by its argument: for the concurrency test. */
public final class MigrateProcess {

  private MigrateProcess() {
  }

  /**
   * Migrates and prints {@code applied=<versions>}; exits 1 on failure.
   *
   * @param args the JDBC URL with credentials
   */
  public static void main(String[] args) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(args[0]);
    try {
      MigrateResult result = CarriersMigrations.configure().dataSource(dataSource).load().migrate();
      System.out.println("applied=" + String.join(",", result.appliedVersions()));
    } catch (RuntimeException e) {
      System.out.println("error=" + e.getMessage());
      System.exit(1);
    }
  }
}
