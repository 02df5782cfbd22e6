/**
 * Implementation details of the test database kit (leases, naming, Testcontainers fallback). Not API.
 */
package dev.carriers.testing.internal;
