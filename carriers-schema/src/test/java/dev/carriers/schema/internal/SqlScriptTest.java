package dev.carriers.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void parse_splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
    SqlScript script = SqlScript.parse("""
        -- a comment; with a semicolon
        set local lock_timeout = '5s';
        create function f() returns trigger language plpgsql as $$
        begin new.x := 'a;b'; return new; end
        $$;
        /* block; /* nested; */ still comment */ insert into t values ('it''s; fine', E'\\'; x', "we;ird");
        select $tag$ ; $tag$
        """);
    assertThat(script.statements()).hasSize(4);
    assertThat(script.statements().get(0)).endsWith("set local lock_timeout = '5s'");
    assertThat(script.statements().get(1)).startsWith("create function").endsWith("$$");
    assertThat(script.statements().get(2)).contains("insert into t").endsWith("\"we;ird\")");
    assertThat(script.statements().get(3)).isEqualTo("select $tag$ ; $tag$");
  }

  @Test
  void parse_dropsCommentOnlyStatements() {
    assertThat(SqlScript.parse("-- only a comment\n;\n/* and */;").statements()).isEmpty();
  }

  @Test
  void parse_rejectsUnterminatedQuotes() {
    assertThatThrownBy(() -> SqlScript.parse("select 'oops")).hasMessageContaining("unterminated string literal");
    assertThatThrownBy(() -> SqlScript.parse("select $$ oops")).hasMessageContaining("dollar quote");
  }

  @Test
  void nonTransactionalStatement_findsConcurrentlyAndFriends() {
    assertThat(SqlScript.parse("set local lock_timeout = '5s'; alter table t add column x int;").canRunInTransaction())
        .isTrue();
    assertThat(SqlScript.parse("-- build it online\nCREATE UNIQUE INDEX CONCURRENTLY i ON t (x);")
        .nonTransactionalStatement()).contains("CONCURRENTLY");
    assertThat(SqlScript.parse("drop index concurrently if exists i;").canRunInTransaction()).isFalse();
    assertThat(SqlScript.parse("reindex index concurrently i;").canRunInTransaction()).isFalse();
    assertThat(SqlScript.parse("vacuum analyze t;").canRunInTransaction()).isFalse();
    assertThat(SqlScript.parse("select 'create index concurrently';").canRunInTransaction()).isTrue();
  }
}
