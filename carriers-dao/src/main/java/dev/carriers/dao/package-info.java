/**
 * Type-safe access to the carriers registry on the generated jOOQ records: CRUD, keyset
 * pagination, transactions, validation before SQL and typed errors.
 */
package dev.carriers.dao;
