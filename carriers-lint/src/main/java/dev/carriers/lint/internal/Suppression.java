package dev.carriers.lint.internal;

import dev.carriers.lint.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A suppression comment: {@code -- carriers-lint: ignore <rule>[, <rule>...] -- <reason>} (or the
 * same inside a block comment), placed among the comments right before the statement it is for;
 * or the same {@code ignore ...} after a file name, as an entry of a {@link SuppressionsFile}.
 *
 * @param rules the rules suppressed
 * @param reason why, never blank for a valid suppression
 * @param problem what is wrong with the comment, or null if it is valid
 * @param problemRule the rule the problem breaks, or null
 */
record Suppression(Set<Rule> rules, String reason, String problem, Rule problemRule) {

  static final String MARKER = "carriers-lint:";

  /**
   * Reads a comment token's text.
   *
   * @param comment the comment, with its {@code --} or block delimiters
   * @return the suppression, or null if the comment is not a carriers-lint comment
   */
  static Suppression parse(String comment) {
    String body = comment.strip();
    if (body.startsWith("--")) {
      body = body.substring(2);
    } else if (body.startsWith("/*") && body.endsWith("*/") && body.length() >= 4) {
      body = body.substring(2, body.length() - 2);
    }
    body = body.strip();
    if (!body.startsWith(MARKER)) {
      return null;
    }
    return parseDirective(body.substring(MARKER.length()), "carriers-lint comment",
        "carriers-lint: ignore <rule> -- <reason>");
  }

  /**
   * Reads the part from {@code ignore} on.
   *
   * @param directive e.g. {@code ignore drop-column -- unused since release 12}
   * @param what what holds it, for messages: {@code carriers-lint comment}
   * @param form the form to write, for messages
   * @return the suppression, valid or not
   */
  static Suppression parseDirective(String directive, String what, String form) {
    String body = directive.strip();
    if (!body.startsWith("ignore ") && !body.equals("ignore")) {
      return invalid(Rule.SUPPRESSION_UNKNOWN_RULE, "malformed " + what + ": expected '" + form + "'");
    }
    body = body.substring("ignore".length());
    int separator = body.indexOf("--");
    String ruleList = separator < 0 ? body : body.substring(0, separator);
    String reason = separator < 0 ? "" : body.substring(separator + 2).strip();
    List<Rule> rules = new ArrayList<>();
    for (String id : ruleList.split("[,\\s]+")) {
      if (id.isEmpty()) {
        continue;
      }
      Rule rule = Rule.byId(id).orElse(null);
      if (rule == null || !rule.suppressible()) {
        return invalid(Rule.SUPPRESSION_UNKNOWN_RULE, what + " names "
            + (rule == null ? "an unknown rule " : "a rule that cannot be suppressed: ") + id);
      }
      rules.add(rule);
    }
    if (rules.isEmpty()) {
      return invalid(Rule.SUPPRESSION_UNKNOWN_RULE, what + " names no rule to ignore");
    }
    if (reason.isEmpty()) {
      return invalid(Rule.SUPPRESSION_WITHOUT_REASON, "suppression of "
          + rules.stream().map(Rule::id).collect(Collectors.joining(", "))
          + " gives no reason: write '" + form + "'");
    }
    return new Suppression(Set.copyOf(rules), reason, null, null);
  }

  private static Suppression invalid(Rule rule, String problem) {
    return new Suppression(Set.of(), null, problem, rule);
  }

  String ruleIds() {
    return rules.stream().map(Rule::id).sorted().collect(Collectors.joining(", "));
  }
}
