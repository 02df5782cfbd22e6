package dev.carriers.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.ErrorKind;
import dev.carriers.seed.SeedFailedException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SeedRunTest {

  @Test
  void translate_saysWhatHappened_asSqlStateClassClassifiesIt() {
    assertThat(message("08006")).isEqualTo("seed testing v1 lost its connection (SQLState 08006); nothing was written: boom");
    assertThat(message("57P01")).startsWith("seed testing v1 lost its connection (SQLState 57P01)");
    assertThat(message("23505")).startsWith("seed testing v1 hit a unique constraint (SQLState 23505)");
    assertThat(message("23514")).startsWith("seed testing v1 hit a constraint (SQLState 23514)");
    assertThat(message("42P01"))
        .startsWith("seed testing v1 found no seed tables (migrate the database first) (SQLState 42P01)");
    assertThat(message("XX000")).startsWith("seed testing v1 failed (SQLState XX000)");
    assertThat(message(null)).startsWith("seed testing v1 failed (SQLState null)");
  }

  @Test
  void translate_keepsTheSqlState_andTheEnvironmentsKind() {
    SeedFailedException lost = SeedRun.translate("seed", new SQLException("boom", "08006"));
    assertThat(lost.sqlState()).isEqualTo("08006");
    assertThat(lost.kind()).isEqualTo(ErrorKind.DATABASE_UNAVAILABLE);
    assertThat(lost.isConnectionLost()).isTrue();
    SeedFailedException duplicate = SeedRun.translate("seed", new SQLException("boom", "23505"));
    assertThat(duplicate.kind()).isEqualTo(ErrorKind.SEED_FAILED);
    assertThat(duplicate.isConstraintViolation()).isTrue();
  }

  private static String message(String sqlState) {
    return SeedRun.translate("seed testing v1", new SQLException("boom", sqlState)).getMessage();
  }
}
