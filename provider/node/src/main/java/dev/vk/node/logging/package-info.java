/**
 * The node's log format, set up in code when it runs from its jar: the same lines as {@code
 * logback.xml} gives, without loading logback's XML configuration machinery at startup.
 */
package dev.vk.node.logging;
