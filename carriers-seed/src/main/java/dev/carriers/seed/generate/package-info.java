/**
 * The deterministic generator of the development dataset (and of benchmark datasets): US
 * trucking-company style names, unique MC numbers, a mix of statuses, some carriers without MC number.
 */
package dev.carriers.seed.generate;
