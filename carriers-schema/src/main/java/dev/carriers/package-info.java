/**
 * What every carriers module shares: the root exception and the parsing of database URLs.
 */
package dev.carriers;
