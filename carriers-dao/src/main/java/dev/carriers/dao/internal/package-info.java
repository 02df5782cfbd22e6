/**
 * Not API: the DAO's statements, rendered once per shape and binding their own parameters, the
 * mapping of their rows onto records, the one place where SQLState becomes a typed exception, the
 * keyset cursor codec and the health probe. May change in any release.
 */
package dev.carriers.dao.internal;
