/**
 * Who may give a pod which cloud identity (an IAM task role, an Azure managed identity): the pod's
 * ServiceAccount names it, and the node's allowlist decides. Shared by every provider so that the
 * rule and the setting's format are one. See {@code docs/security.md}.
 */
package dev.vk.provider.identity;
