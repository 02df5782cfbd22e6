/**
 * Environment datasets of carriers (development, testing, production) shipped as CSV in this jar,
 * their validation with the DAO's rules, and {@link dev.carriers.seed.CarriersSeeder}, which loads
 * one into a database with COPY: versioned, idempotent, one transaction per run.
 */
package dev.carriers.seed;
