/**
 * Not API: the checks' catalog queries, the session they run on, and the server activity the
 * health check shares with them. May change in any release.
 */
package dev.carriers.dao.stats.internal;
