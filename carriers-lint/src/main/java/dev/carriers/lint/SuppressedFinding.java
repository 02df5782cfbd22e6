package dev.carriers.lint;

/**
 * A finding that a {@code -- carriers-lint: ignore <rule> -- <reason>} comment suppressed, with the
 * reason given: kept in the report, so a reviewer sees every exception that was made.
 *
 * <p>Immutable; thread-safe.
 *
 * @param finding the finding
 * @param reason the reason written in the suppression comment
 */
public record SuppressedFinding(Finding finding, String reason) {
}
