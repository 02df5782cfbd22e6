/**
 * Build-time code generation: Flyway applies the migrations to a throwaway database on a real
 * PostgreSQL, then jOOQ generates the record classes from it. Not a runtime dependency.
 */
package dev.carriers.codegen;
