/**
 * The node's settings: environment and flags read into typed settings, with the catalog that
 * documents them.
 */
package dev.vk.node.config;
