/** Fargate provider settings, AWS SDK clients and the node capacity the provider advertises. */
package dev.vk.provider.fargate.config;
