/**
 * On-demand benchmarks against the local PostgreSQL, each reporting ratios against a baseline
 * measured in the same run. Run with {@code ./mvnw -B -q verify -DskipTests -Pbench -Dbench=NAME
 * -pl carriers-benchmarks -am}.
 */
package dev.carriers.benchmarks;
