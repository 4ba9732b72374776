package dev.vk.provider.fargate.exec;

import dev.vk.provider.ProviderException;

/** How an exec session ended: an exit status, or a failure (then the status means nothing). */
record Outcome(int exitCode, ProviderException failure) {
  static Outcome exited(int code) {
    return new Outcome(code, null);
  }

  static Outcome failed(ProviderException failure) {
    return new Outcome(-1, failure);
  }
}
