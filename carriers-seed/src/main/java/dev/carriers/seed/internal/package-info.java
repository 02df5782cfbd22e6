/**
 * Not API: the CSV reading and writing, checksums, and the SQL of a seed run. May change in any
 * release.
 */
package dev.carriers.seed.internal;
