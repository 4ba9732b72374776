/** {@code kubectl logs} through ACI's List Logs API: parsing, and following by polling. */
package dev.vk.provider.aci.logs;
