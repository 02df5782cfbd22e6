package dev.carriers.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.jooq.DefaultCatalog;
import dev.carriers.schema.jooq.Public;
import dev.carriers.testing.CarriersDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Key;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The generated classes describe exactly the schema the migrations build: jOOQ's meta model of the
 * generated catalog is compared with the meta model jOOQ reads from the migrated database.
 *
 * <p>Both sides are rendered to the same canonical description (tables, columns with type, length,
 * nullability, identity and whether they have a default, keys, foreign keys, indexes), because the
 * two readers spell some details differently ({@code now()} against {@code current_timestamp}).
 * Check constraints, which the JDBC-based reader does not see, are compared against
 * {@code pg_constraint} directly.
 */
@CarriersDatabase
class GeneratedCodeMatchesSchemaIT {

  @Test
  void generatedCatalog_describesTheMigratedDatabase(DataSource dataSource) {
    DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    Meta generated = dsl.meta(DefaultCatalog.DEFAULT_CATALOG);
    Meta live = dsl.meta()
        .filterSchemas(schema -> schema.getName().equals(Public.PUBLIC.getName()))
        .filterTables(table -> !table.getName().equals("flyway_schema_history"));

    assertThat(describe(generated)).isEqualTo(describe(live));
    assertThat(live.getTables()).extracting(Table::getName)
        .contains("carriers", "database_role", "seed_history", "seeded_carriers", "seed_batches",
            "seeded_carrier_keys");
  }

  @Test
  void generatedChecks_areTheDatabaseChecks(DataSource dataSource) {
    DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    List<String> liveChecks = dsl.fetch("""
        select c.relname || '.' || k.conname
          from pg_constraint k join pg_class c on c.oid = k.conrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'c' and n.nspname = 'public'
         order by 1""").getValues(0, String.class);
    List<String> generatedChecks = Public.PUBLIC.getTables().stream()
        .flatMap(table -> table.getChecks().stream().map(check -> table.getName() + "." + check.getName()))
        .sorted().toList();

    assertThat(generatedChecks).isEqualTo(liveChecks)
        .contains("carriers.carriers_name_not_blank", "carriers.carriers_mc_number_canonical");
  }

  private static String describe(Meta meta) {
    return meta.getTables().stream()
        .sorted(Comparator.comparing(Table::getName))
        .map(GeneratedCodeMatchesSchemaIT::describe)
        .collect(Collectors.joining("\n"));
  }

  private static String describe(Table<?> table) {
    StringBuilder out = new StringBuilder("table ").append(table.getName()).append('\n');
    for (Field<?> field : table.fields()) {
      out.append("  column ").append(field.getName())
          .append(' ').append(field.getDataType().getTypeName())
          // Unbounded text reads as length 2^31-1 on one side and no length on the other.
          .append(field.getDataType().lengthDefined() && field.getDataType().length() < Integer.MAX_VALUE
              ? "(" + field.getDataType().length() + ")" : "")
          .append(field.getDataType().nullable() ? " null" : " not null")
          .append(field.getDataType().identity() ? " identity" : "")
          .append(field.getDataType().defaulted() ? " default" : "")
          .append('\n');
    }
    UniqueKey<?> primaryKey = table.getPrimaryKey();
    out.append("  primary key ").append(primaryKey == null ? "none" : key(primaryKey)).append('\n');
    table.getUniqueKeys().stream().map(GeneratedCodeMatchesSchemaIT::key).sorted()
        .forEach(key -> out.append("  unique ").append(key).append('\n'));
    table.getReferences().stream()
        .map(fk -> key(fk) + " references " + fk.getKey().getTable().getName())
        .sorted().forEach(fk -> out.append("  foreign key ").append(fk).append('\n'));
    table.getIndexes().stream().map(GeneratedCodeMatchesSchemaIT::index).sorted()
        .forEach(index -> out.append("  index ").append(index).append('\n'));
    return out.toString();
  }

  private static String key(Key<?> key) {
    return key.getName() + key.getFields().stream().map(Field::getName).toList();
  }

  private static String index(Index index) {
    return index.getName() + (index.getUnique() ? " unique " : " ")
        + index.getFields().stream().map(field -> field.getName()).toList();
  }
}
