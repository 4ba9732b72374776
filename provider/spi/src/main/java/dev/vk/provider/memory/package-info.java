/**
 * Keeps what the node holds for each pod small: equal values read again and again (a namespace, an
 * image, a label, a cluster ARN) are held once, whichever response they were read from.
 */
package dev.vk.provider.memory;
