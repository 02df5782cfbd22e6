package dev.carriers.dao;

import static dev.carriers.schema.jooq.Tables.CARRIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.validation.CarrierValidationException;
import dev.carriers.dao.validation.Violation;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CarriersDatabase
class CarrierDaoIT {

  private static Carriers carriers;
  private static CarrierDao dao;

  @BeforeAll
  static void connect(TestDatabase database) {
    carriers = Carriers.configure().databaseUrl(database.jdbcUrlWithCredentials()).maxPoolSize(3).load();
    dao = carriers.carriers();
  }

  @AfterAll
  static void close() {
    carriers.close();
  }

  @BeforeEach
  void empty() {
    carriers.dsl().deleteFrom(CARRIERS).execute();
  }

  private static Result<CarrierRecord> table() {
    return carriers.dsl().selectFrom(CARRIERS).orderBy(CARRIERS.ID).fetch();
  }

  @Test
  void create_returnsTheStoredCarrier() {
    CarrierRecord created = dao.create(NewCarrier.of("  Acme Freight ", "MC-012345"));
    assertThat(created.getId()).isPositive();
    assertThat(created.getName()).isEqualTo("Acme Freight");
    assertThat(created.getMcNumber()).isEqualTo("12345");
    assertThat(created.getStatus()).isEqualTo(CarrierStatus.ACTIVE);
    assertThat(created.getVersion()).isZero();
    assertThat(created.getCreatedAt()).isNotNull();
    assertThat(created.getUpdatedAt()).isNotNull();
    assertThat(dao.getById(created.getId())).isEqualTo(created);
  }

  @Test
  void create_rejectsEveryViolationAtOnce_beforeAnySql() {
    assertThatThrownBy(() -> dao.create(NewCarrier.of(" ", "MC-12AB")))
        .isInstanceOfSatisfying(CarrierValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("mcNumber", "name"))
        .hasMessageStartingWith("create carrier rejected: mcNumber must be an MC number");
    assertThat(table()).isEmpty();
  }

  @Test
  void create_duplicateMcNumber_isTyped_andWritesNothing() {
    dao.create(NewCarrier.of("First", "123456"));
    Result<CarrierRecord> before = table();

    assertThatThrownBy(() -> dao.create(NewCarrier.of("Second", "MC 123456")))
        .isInstanceOfSatisfying(DuplicateMcNumberException.class, e -> {
          assertThat(e.mcNumber()).isEqualTo("123456");
          assertThat(e.field()).isEqualTo("mcNumber");
        })
        .hasMessage("create carrier: mcNumber 123456 is already taken by another carrier");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void findAndGet_byId() {
    CarrierRecord created = dao.create(NewCarrier.of("Acme", null));
    assertThat(dao.findById(created.getId())).contains(created);
    assertThat(dao.findById(created.getId() + 1000)).isEmpty();
    assertThatThrownBy(() -> dao.getById(created.getId() + 1000))
        .isInstanceOfSatisfying(CarrierNotFoundException.class, e -> assertThat(e.id()).isEqualTo(created.getId() + 1000))
        .hasMessage("get carrier: no carrier with id " + (created.getId() + 1000));
  }

  @Test
  void findByMcNumber_normalisesWhatUsersType() {
    CarrierRecord created = dao.create(NewCarrier.of("Acme", "123456"));
    for (String typed : List.of("MC-123456", "mc 123456", "123456", " MC#0123456 ")) {
      assertThat(dao.findByMcNumber(typed)).as(typed).contains(created);
    }
    assertThat(dao.findByMcNumber("654321")).isEmpty();
    assertThatThrownBy(() -> dao.findByMcNumber("ABC"))
        .isInstanceOf(CarrierValidationException.class)
        .hasMessage("find carrier by MC number rejected: mcNumber must be an MC number of 1 to 8 digits,"
            + " such as MC-123456 or 123456");
  }

  @Test
  void update_changesOnlyTheFieldsGiven_andBumpsTheVersion() {
    CarrierRecord created = dao.create(NewCarrier.of("Acme", "111"));
    CarrierRecord renamed = dao.update(created, CarrierUpdate.create().name(" Acme LLC "));
    assertThat(renamed.getName()).isEqualTo("Acme LLC");
    assertThat(renamed.getMcNumber()).isEqualTo("111");
    assertThat(renamed.getStatus()).isEqualTo(CarrierStatus.ACTIVE);
    assertThat(renamed.getVersion()).isEqualTo(1);

    CarrierRecord changed = dao.update(renamed, CarrierUpdate.create().clearMcNumber().status(CarrierStatus.INACTIVE));
    assertThat(changed.getName()).isEqualTo("Acme LLC");
    assertThat(changed.getMcNumber()).isNull();
    assertThat(changed.getStatus()).isEqualTo(CarrierStatus.INACTIVE);
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(table()).containsExactly(changed);
  }

  @Test
  void update_rejectsAStaleVersion_andWritesNothing() {
    CarrierRecord read = dao.create(NewCarrier.of("Acme", null));
    dao.update(read, CarrierUpdate.create().name("Acme 2"));
    Result<CarrierRecord> before = table();

    assertThatThrownBy(() -> dao.update(read, CarrierUpdate.create().name("Acme 3")))
        .isInstanceOfSatisfying(StaleCarrierException.class, e -> {
          assertThat(e.expectedVersion()).isZero();
          assertThat(e.currentVersion()).isEqualTo(1);
        })
        .hasMessage("update carrier: carrier " + read.getId() + " was changed since it was read (read version 0,"
            + " now version 1); read it again and reapply the change");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void update_missingCarrier_isNotFound() {
    assertThatThrownBy(() -> dao.update(424242L, 0, CarrierUpdate.create().name("X")))
        .isInstanceOf(CarrierNotFoundException.class)
        .hasMessage("update carrier: no carrier with id 424242");
  }

  @Test
  void update_validatesBeforeAnySql() {
    CarrierRecord read = dao.create(NewCarrier.of("Acme", null));
    assertThatThrownBy(() -> dao.update(read, CarrierUpdate.create()))
        .isInstanceOf(CarrierValidationException.class)
        .hasMessage("update carrier rejected: update must change at least one field (name, mcNumber or status)");
    assertThatThrownBy(() -> dao.update(read, CarrierUpdate.create().name("").mcNumber("x1")))
        .isInstanceOfSatisfying(CarrierValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).contains("name", "mcNumber"));
    assertThat(table()).containsExactly(read);
  }

  @Test
  void update_toATakenMcNumber_isDuplicate_andWritesNothing() {
    dao.create(NewCarrier.of("A", "1"));
    CarrierRecord b = dao.create(NewCarrier.of("B", "2"));
    Result<CarrierRecord> before = table();
    assertThatThrownBy(() -> dao.update(b, CarrierUpdate.create().mcNumber("MC-0001")))
        .isInstanceOf(DuplicateMcNumberException.class)
        .hasMessage("update carrier: mcNumber 1 is already taken by another carrier");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void delete_andCount() {
    CarrierRecord a = dao.create(NewCarrier.of("A", null));
    CarrierRecord b = dao.create(NewCarrier.of("B", null));
    assertThat(dao.count()).isEqualTo(2);
    assertThat(dao.delete(a.getId())).isTrue();
    assertThat(dao.delete(a.getId())).isFalse();
    CarrierRecord b1 = dao.update(b, CarrierUpdate.create().name("B1"));
    assertThatThrownBy(() -> dao.delete(b.getId(), b.getVersion())).isInstanceOf(StaleCarrierException.class);
    assertThat(dao.count()).isEqualTo(1);
    dao.delete(b1.getId(), b1.getVersion());
    assertThat(dao.count()).isZero();
    assertThatThrownBy(() -> dao.delete(b.getId(), 1)).isInstanceOf(CarrierNotFoundException.class)
        .hasMessage("delete carrier: no carrier with id " + b.getId());
  }

  @Test
  void createAll_isAllOrNothing_andNamesTheOffendingRow() {
    dao.create(NewCarrier.of("Existing", "777"));
    Result<CarrierRecord> before = table();

    List<NewCarrier> batch = List.of(NewCarrier.of("A", "1"), NewCarrier.of("B", null), NewCarrier.of("C", "MC-777"));
    assertThatThrownBy(() -> dao.createAll(batch))
        .isInstanceOfSatisfying(DuplicateMcNumberException.class, e -> assertThat(e.field()).isEqualTo("[2].mcNumber"))
        .hasMessage("create carriers: [2].mcNumber 777 is already taken by another carrier");
    assertThat(table()).isEqualTo(before);

    assertThatThrownBy(() -> dao.createAll(List.of(NewCarrier.of("A", "5"), NewCarrier.of("", "5"))))
        .isInstanceOfSatisfying(CarrierValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("[1].name", "[1].mcNumber"))
        .hasMessageContaining("[1].mcNumber repeats the MC number of [0].mcNumber");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void createAll_failingInALaterChunk_leavesNothingFromEarlierChunks() {
    dao.create(NewCarrier.of("Existing", "99999999"));
    Result<CarrierRecord> before = table();
    List<NewCarrier> batch = new ArrayList<>();
    for (int i = 0; i < CarrierDao.INSERT_CHUNK + 5; i++) {
      batch.add(NewCarrier.of("Carrier " + i, i == CarrierDao.INSERT_CHUNK + 3 ? "99999999" : String.valueOf(1000 + i)));
    }
    assertThatThrownBy(() -> dao.createAll(batch))
        .isInstanceOf(DuplicateMcNumberException.class)
        .hasMessage("create carriers: [" + (CarrierDao.INSERT_CHUNK + 3) + "].mcNumber 99999999 is already taken by"
            + " another carrier");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void createAll_returnsRowsInInputOrder_acrossChunks() {
    List<NewCarrier> batch = new ArrayList<>();
    for (int i = 0; i < CarrierDao.INSERT_CHUNK + 5; i++) {
      batch.add(NewCarrier.of("Carrier " + i, String.valueOf(1000 + i), i % 2 == 0 ? null : CarrierStatus.INACTIVE));
    }
    List<CarrierRecord> created = dao.createAll(batch);
    assertThat(created).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      assertThat(created.get(i).getName()).isEqualTo("Carrier " + i);
      assertThat(created.get(i).getStatus()).isEqualTo(i % 2 == 0 ? CarrierStatus.ACTIVE : CarrierStatus.INACTIVE);
    }
    assertThat(dao.count()).isEqualTo(batch.size());
  }

  @Test
  void databaseCheckAndNotNullViolations_areValidationErrors_andWriteNothing() {
    dao.create(NewCarrier.of("Kept", null));
    Result<CarrierRecord> before = table();
    // The DAO validates first, so only SQL that bypasses it reaches the database's own rules.
    assertThatThrownBy(() -> carriers.useTransaction(tx -> {
      tx.carriers().create(NewCarrier.of("Written first", null));
      tx.dsl().insertInto(CARRIERS, CARRIERS.NAME).values(" ").execute();
    }))
        .isInstanceOfSatisfying(CarrierValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("name"))
        .hasMessage("transaction rejected: name must not be blank");
    assertThatThrownBy(() -> carriers.useTransaction(tx ->
        tx.dsl().insertInto(CARRIERS, CARRIERS.MC_NUMBER).values("5").execute()))
        .isInstanceOf(CarrierValidationException.class)
        .hasMessage("transaction rejected: name must not be null");
    assertThatThrownBy(() -> carriers.useTransaction(tx ->
        tx.dsl().insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER).values("X", "MC-5").execute()))
        .isInstanceOf(CarrierValidationException.class)
        .hasMessage("transaction rejected: mcNumber must be an MC number of 1 to 8 digits, such as MC-123456 or 123456");
    assertThat(table()).isEqualTo(before);
  }

  @Test
  void list_pagesThroughEverythingOnce_withFilters() {
    List<NewCarrier> batch = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      batch.add(NewCarrier.of((i % 3 == 0 ? "Blue Freight " : "Red Haul ") + i, i % 5 == 0 ? null : String.valueOf(i + 1),
          i % 2 == 0 ? CarrierStatus.ACTIVE : CarrierStatus.INACTIVE));
    }
    dao.createAll(batch);

    CarrierQuery query = CarrierQuery.all().nameContains("bLUe fr").status(CarrierStatus.ACTIVE).hasMcNumber(true).pageSize(7);
    Set<Long> seen = new TreeSet<>();
    List<Long> order = new ArrayList<>();
    Page<CarrierRecord> page = dao.list(query);
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(7);
      for (CarrierRecord carrier : page.items()) {
        assertThat(carrier.getName()).startsWith("Blue Freight");
        assertThat(carrier.getStatus()).isEqualTo(CarrierStatus.ACTIVE);
        assertThat(carrier.getMcNumber()).isNotNull();
        assertThat(seen.add(carrier.getId())).isTrue();
        order.add(carrier.getId());
      }
      if (!page.hasNext()) {
        break;
      }
      page = dao.list(query.after(page.nextCursor().orElseThrow()));
    }
    long expected = java.util.stream.IntStream.range(0, 250).filter(i -> i % 3 == 0 && i % 2 == 0 && i % 5 != 0).count();
    assertThat(seen).hasSize((int) expected);
    assertThat(order).isSorted();
    assertThat(dao.count(query)).isEqualTo(expected);
    assertThat(dao.list(CarrierQuery.all().nameContains("100%")).items()).isEmpty();
  }

  @Test
  void list_rejectsAnAlteredCursor_orOneFromOtherFilters() {
    for (int i = 0; i < 5; i++) {
      dao.create(NewCarrier.of("C" + i, null));
    }
    CarrierQuery query = CarrierQuery.all().pageSize(2);
    String cursor = dao.list(query).nextCursor().orElseThrow();
    String altered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
    for (String bad : List.of(altered, "not-a-cursor", "")) {
      assertThatThrownBy(() -> dao.list(query.after(bad)))
          .isInstanceOf(CarrierValidationException.class)
          .hasMessage("list carriers rejected: cursor is not a cursor returned by this query"
              + " (altered, or made for other filters)");
    }
    assertThatThrownBy(() -> dao.list(query.status(CarrierStatus.ACTIVE).after(cursor)))
        .isInstanceOf(CarrierValidationException.class);
    assertThatThrownBy(() -> CarrierQuery.all().pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize 1001 makes no sense: use 1 to 1000");
  }
}
