/**
 * The SSM Session Manager agent message format (binary client messages and their payload types),
 * kept free of AWS SDK dependencies.
 */
package dev.vk.provider.fargate.ssm;
