/**
 * Not API: the JNA binding to libpg_query, the decoding of its scan output, and the rules' analysis
 * of the parse trees.
 */
package dev.carriers.lint.internal;
