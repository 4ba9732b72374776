/** The Netty server: awsJson 1.1 decoding, fault injection, dispatch, errors, admin API. */
package dev.vk.emulator.ecs.http;
