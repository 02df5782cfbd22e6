package dev.carriers.codegen;

import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.meta.Definition;
import org.jooq.meta.TableDefinition;

/**
 * jOOQ naming with singular record names: table {@code carriers} keeps its table class
 * {@code Carriers} and constant {@code CARRIERS}, while a row is a {@code CarrierRecord}.
 *
 * <p>Thread-safe (stateless).
 */
public class SingularNamingStrategy extends DefaultGeneratorStrategy {

  @Override
  public String getJavaClassName(Definition definition, Mode mode) {
    String name = super.getJavaClassName(definition, mode);
    if (mode == Mode.RECORD && definition instanceof TableDefinition) {
      String plural = name.substring(0, name.length() - "Record".length());
      return singular(plural) + "Record";
    }
    return name;
  }

  /**
   * Returns the English singular of a Pascal-case plural: {@code Carriers} to {@code Carrier},
   * {@code Addresses} to {@code Address}, {@code Companies} to {@code Company}.
   *
   * @param plural a plural noun
   * @return its singular, or the word itself when it does not look plural
   */
  static String singular(String plural) {
    if (plural.endsWith("ies") && plural.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches")
        || plural.endsWith("shes")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (plural.endsWith("s") && !plural.endsWith("ss") && !plural.endsWith("us")
        && !plural.endsWith("is") && plural.length() > 1) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural;
  }
}
