package dev.vk.provider.aci.exec;

import dev.vk.kubelet.types.ProviderException;
import java.util.List;

/**
 * What ACI's exec can run: one program, no arguments. ACI takes the command as a single string and
 * starts it as the program path without splitting it, so {@code "echo hi"} or {@code "/bin/sh -c
 * ..."} look for an executable with spaces in its name and fail. No workaround keeps exec's
 * semantics (typing the script into an interactive shell would echo it and mix in prompts), so a
 * command with arguments or whitespace is refused with the limit named.
 */
final class ExecCommand {

  private ExecCommand() {}

  static String of(List<String> command) throws ProviderException {
    if (command == null || command.isEmpty() || command.get(0).isBlank()) {
      throw ProviderException.invalid("command: a command is required");
    }
    if (command.size() > 1) {
      throw ProviderException.invalid(
          "command: ACI exec runs a single command without arguments (got "
              + command.size()
              + " words: "
              + String.join(" ", command)
              + "); exec a shell such as /bin/sh and type the command");
    }
    String program = command.get(0);
    if (program.chars().anyMatch(Character::isWhitespace)) {
      throw ProviderException.invalid(
          "command: ACI exec does not split \""
              + program
              + "\" into arguments; exec a shell such as /bin/sh and type the command");
    }
    return program;
  }
}
