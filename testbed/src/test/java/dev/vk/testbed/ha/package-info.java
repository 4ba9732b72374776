/** End-to-end tests of replicated nodes with leader election, on the real control plane. */
package dev.vk.testbed.ha;
