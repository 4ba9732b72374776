package dev.vk.provider.identity;

import dev.vk.kubelet.types.ProviderException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides the cloud identities a pod runs with. Its ServiceAccount names them (an annotation that
 * namespace admins, not pod authors, control); a pod annotation may only narrow that choice. Every
 * identity must be one of the node's own defaults or be listed for the pod's namespace or
 * ServiceAccount in the allowlist setting. A refusal is an INVALID_INPUT {@link ProviderException}
 * with reason {@link #REASON} naming the identity and the setting, raised before any cloud call.
 * Pure, thread-safe, never blocks.
 */
public final class IdentityPolicy {
  /** The pod status reason and Event reason of a refusal. */
  public static final String REASON = "IdentityNotAllowed";

  private final String setting;
  private final IdentityAllowlist allowlist;
  private final Set<String> defaults;

  /**
   * @param setting the allowlist setting as users write it, for messages
   * @param allowlist what the setting allows
   * @param defaults the node's own default identities, allowed to every pod
   */
  public IdentityPolicy(String setting, IdentityAllowlist allowlist, Set<String> defaults) {
    this.setting = setting;
    this.allowlist = allowlist;
    this.defaults = Set.copyOf(defaults);
  }

  /**
   * Identities named in one place.
   *
   * @param field where they were named, as the user writes it (for messages)
   * @param identities the identities; empty when that place names none
   */
  public record Named(String field, Set<String> identities) {
    public Named {
      identities = Set.copyOf(identities);
    }
  }

  /**
   * The identities the pod runs with: the pod annotation's when it names any, else the
   * ServiceAccount's; empty means the node's default.
   *
   * @throws ProviderException INVALID_INPUT with reason {@link #REASON} when the pod names an
   *     identity its ServiceAccount does not, or an identity is not allowed
   */
  public Set<String> decide(String namespace, String serviceAccount, Named account, Named pod)
      throws ProviderException {
    String who = "ServiceAccount " + namespace + "/" + serviceAccount;
    for (String id : pod.identities()) {
      if (!account.identities().contains(id) && !defaults.contains(id)) {
        throw refused(
            pod.field()
                + " names identity "
                + id
                + ", which "
                + who
                + " does not name in "
                + account.field()
                + ": a pod annotation may only narrow its ServiceAccount's identities");
      }
    }
    Named chosen = pod.identities().isEmpty() ? account : pod;
    for (String id : chosen.identities()) {
      if (!defaults.contains(id) && !allowlist.permits(namespace, serviceAccount, id)) {
        throw refused(
            "identity "
                + id
                + " (from "
                + chosen.field()
                + ") is not allowed for "
                + who
                + ": "
                + setting
                + " lists neither "
                + namespace
                + "="
                + id
                + " nor "
                + namespace
                + "/"
                + serviceAccount
                + "="
                + id);
      }
    }
    return new LinkedHashSet<>(chosen.identities());
  }

  private static ProviderException refused(String message) {
    return ProviderException.refused(REASON, message);
  }
}
