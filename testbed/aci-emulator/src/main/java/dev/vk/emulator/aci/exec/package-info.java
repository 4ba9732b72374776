/** ACI's exec and attach WebSockets and the tiny shell behind them. */
package dev.vk.emulator.aci.exec;
