/**
 * The rules a carrier must meet before any SQL runs, shared by the DAO and the seed loader:
 * canonical MC numbers and Jakarta Bean Validation of carrier input, reporting every violation at
 * once with its field.
 */
package dev.carriers.dao.validation;
