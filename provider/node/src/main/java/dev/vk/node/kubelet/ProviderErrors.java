package dev.vk.node.kubelet;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.provider.ProviderException;

/** The one place that turns a provider failure into what a kubelet API client sees. */
public final class ProviderErrors {
  private ProviderErrors() {}

  public static KubeletApiException toKubeletApi(ProviderException e) {
    KubeletApiException.Kind kind =
        switch (e.kind()) {
          case NOT_FOUND -> KubeletApiException.Kind.NOT_FOUND;
          case INVALID_INPUT -> KubeletApiException.Kind.BAD_REQUEST;
          case UNSUPPORTED -> KubeletApiException.Kind.NOT_IMPLEMENTED;
          case THROTTLED, UNAVAILABLE, CONFLICT -> KubeletApiException.Kind.UNAVAILABLE;
          // The node's own credentials: not the kubelet API client's fault, nor its permissions.
          case NOT_PERMITTED, INTERNAL -> KubeletApiException.Kind.INTERNAL;
        };
    return new KubeletApiException(kind, e.getMessage(), e);
  }
}
