/**
 * What every carriers module shares: the root exception {@link dev.carriers.CarriersException} and
 * its {@link dev.carriers.ErrorKind}, the one SQLState classifier {@link dev.carriers.SqlStateClass},
 * database URLs ({@link dev.carriers.DatabaseUrl}), identifier quoting and the checks of every
 * settings object ({@link dev.carriers.SettingCheck}).
 */
package dev.carriers;
