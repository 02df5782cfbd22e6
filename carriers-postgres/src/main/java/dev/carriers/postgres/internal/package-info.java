/**
 * Implementation details of finding a server and of throwaway databases (the lease, the sweep, the
 * Testcontainers fallback). Public only so that the carriers test kit can build on them; not API.
 */
package dev.carriers.postgres.internal;
