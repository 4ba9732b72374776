package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.ProviderException;

/** How an exec session ended: an exit status, or a failure (then the status means nothing). */
record ExecOutcome(int exitCode, ProviderException failure) {
  static ExecOutcome exited(int code) {
    return new ExecOutcome(code, null);
  }

  static ExecOutcome failed(ProviderException failure) {
    return new ExecOutcome(-1, failure);
  }
}
