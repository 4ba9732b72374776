/**
 * The node benchmark: the Java node against the Go virtual-kubelet reference on a real control
 * plane (time to Running and to gone, RSS, CPU, API calls, start to Ready), with its report section
 * and plots.
 */
package dev.vk.benchmarks.node;
