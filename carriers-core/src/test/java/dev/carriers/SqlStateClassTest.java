package dev.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlStateClassTest {

  @Test
  void fromCode_prefersTheSubclass_thenTheClass_thenOther() {
    assertThat(SqlStateClass.fromCode("23505")).isEqualTo(SqlStateClass.UNIQUE_VIOLATION);
    assertThat(SqlStateClass.fromCode("23P01")).isEqualTo(SqlStateClass.INTEGRITY_CONSTRAINT_VIOLATION);
    assertThat(SqlStateClass.fromCode("22021")).isEqualTo(SqlStateClass.CHARACTER_NOT_IN_REPERTOIRE);
    assertThat(SqlStateClass.fromCode("22003")).isEqualTo(SqlStateClass.DATA_EXCEPTION);
    assertThat(SqlStateClass.fromCode("57014")).isEqualTo(SqlStateClass.QUERY_CANCELED);
    assertThat(SqlStateClass.fromCode("XX000")).isEqualTo(SqlStateClass.OTHER);
    assertThat(SqlStateClass.fromCode(null)).isEqualTo(SqlStateClass.OTHER);
    assertThat(SqlStateClass.fromCode("")).isEqualTo(SqlStateClass.OTHER);
  }

  @Test
  void connectionUnavailable_isOneDefinition_class08_serverEndedTheSession_tooManyConnections() {
    for (String code : new String[] {"08001", "08006", "08P01", "57P01", "57P02", "57P03", "57P04", "57P05", "53300"}) {
      assertThat(SqlStateClass.fromCode(code)).as(code).isEqualTo(SqlStateClass.CONNECTION_UNAVAILABLE);
      assertThat(SqlStateClass.fromCode(code).environmentKind()).as(code).isEqualTo(ErrorKind.DATABASE_UNAVAILABLE);
    }
    // Disk full and out of memory are class 53 too, but the session is alive: a statement failure.
    assertThat(SqlStateClass.fromCode("53100")).isEqualTo(SqlStateClass.OTHER);
    assertThat(SqlStateClass.fromCode("57014").isEnvironment()).isFalse();
  }

  @Test
  void environment_authenticationAndMissingDatabase() {
    assertThat(SqlStateClass.fromCode("28P01").environmentKind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
    assertThat(SqlStateClass.fromCode("28000").environmentKind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
    assertThat(SqlStateClass.fromCode("3D000").environmentKind()).isEqualTo(ErrorKind.DATABASE_MISSING);
    assertThat(SqlStateClass.fromCode("42P04").isEnvironment()).isFalse();
    assertThat(SqlStateClass.fromCode("42P01")).isEqualTo(SqlStateClass.UNDEFINED_TABLE);
    assertThat(SqlStateClass.fromCode("42P01").isEnvironment()).isFalse();
  }

  @Test
  void predicates() {
    assertThat(SqlStateClass.fromCode("23514").isIntegrityViolation()).isTrue();
    assertThat(SqlStateClass.fromCode("22001").isIntegrityViolation()).isFalse();
    assertThat(SqlStateClass.fromCode("40001").isTransactionConflict()).isTrue();
    assertThat(SqlStateClass.fromCode("40P01").isTransactionConflict()).isTrue();
    assertThat(SqlStateClass.fromCode("40002").isTransactionConflict()).isFalse();
  }

  @Test
  void of_readsTheFirstSqlStateInTheCauseChain() {
    SQLException inner = new SQLException("lost", "08006");
    RuntimeException wrapped = new RuntimeException("jOOQ", new SQLException("no state", (String) null, inner));
    assertThat(SqlStateClass.sqlStateOf(wrapped)).isEqualTo("08006");
    assertThat(SqlStateClass.of(wrapped)).isEqualTo(SqlStateClass.CONNECTION_UNAVAILABLE);
    assertThat(SqlStateClass.of(new IllegalStateException("no SQL"))).isEqualTo(SqlStateClass.OTHER);
    assertThat(SqlStateClass.of(null)).isEqualTo(SqlStateClass.OTHER);
  }
}
