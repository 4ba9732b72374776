/** A stand-in for Entra ID's token endpoint, enough for azure-identity's ClientSecretCredential. */
package dev.vk.emulator.aci.aad;
