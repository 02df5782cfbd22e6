/**
 * Implementation details of the test database kit (template databases and their names). Not API.
 */
package dev.carriers.testing.internal;
