package dev.carriers.dao.internal;

/**
 * The DAO's operations: the name each has in messages ({@code create carrier failed: ...}) and the
 * {@code operation} tag of its timer ({@code carriers.dao{operation="create"}}), kept together so
 * that a new operation gets both at once.
 *
 * <p>An enum; thread-safe.
 */
public enum Operation {

  /** {@code CarrierDao.create}. */
  CREATE("create", "create carrier"),
  /** {@code CarrierDao.createAll}. */
  CREATE_ALL("create_all", "create carriers"),
  /** {@code CarrierDao.findById}. */
  FIND_BY_ID("find_by_id", "find carrier"),
  /** {@code CarrierDao.getById}. */
  GET_BY_ID("get_by_id", "get carrier"),
  /** {@code CarrierDao.findByMcNumber}. */
  FIND_BY_MC_NUMBER("find_by_mc_number", "find carrier by MC number"),
  /** {@code CarrierDao.update}. */
  UPDATE("update", "update carrier"),
  /** {@code CarrierDao.delete}, with or without a version. */
  DELETE("delete", "delete carrier"),
  /** {@code CarrierDao.count}. */
  COUNT("count", "count carriers"),
  /** {@code CarrierDao.list}. */
  LIST("list", "list carriers");

  private final String tag;
  private final String description;

  Operation(String tag, String description) {
    this.tag = tag;
    this.description = description;
  }

  /** Returns the value of the {@code operation} tag, such as {@code find_by_id}. */
  public String tag() {
    return tag;
  }

  /** Returns the operation as messages name it, such as {@code find carrier}. */
  public String description() {
    return description;
  }
}
