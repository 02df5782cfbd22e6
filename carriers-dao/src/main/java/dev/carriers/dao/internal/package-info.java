/**
 * Not API: the one place where SQLState becomes a typed exception, the keyset cursor codec and the
 * health probe. May change in any release.
 */
package dev.carriers.dao.internal;
