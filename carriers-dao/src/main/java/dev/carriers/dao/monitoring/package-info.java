/**
 * Watching the DAO run: the names of the meters {@link dev.carriers.dao.Carriers} records when given
 * a Micrometer registry ({@link dev.carriers.dao.monitoring.DaoMetrics}). Micrometer stays an optional
 * dependency: without a registry none of its classes is loaded.
 */
package dev.carriers.dao.monitoring;
