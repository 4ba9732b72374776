/** Checks of the repository layout that span every module. */
package dev.vk.testbed.layout;
