/**
 * What every carriers module shares: the root exception {@link dev.carriers.CarriersException} and
 * its {@link dev.carriers.ErrorKind}, the one SQLState classifier {@link dev.carriers.SqlStateClass},
 * database URLs ({@link dev.carriers.DatabaseUrl}) and identifier quoting.
 */
package dev.carriers;
