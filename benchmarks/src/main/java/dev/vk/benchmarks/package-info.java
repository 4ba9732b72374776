/**
 * Benchmarks of the providers against the emulated clouds (status cost, exit budget) and the report
 * they write.
 */
package dev.vk.benchmarks;
