package dev.vk.provider.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityPolicyTest {
  private static final String A = "arn:aws:iam::123456789012:role/a";
  private static final String B = "arn:aws:iam::123456789012:role/b";
  private static final String NODE = "arn:aws:iam::123456789012:role/node-default";
  private static final IdentityPolicy POLICY =
      new IdentityPolicy(
          "fargate-identity-allowlist",
          IdentityAllowlist.parse("team/builder=" + A, v -> true, "x"),
          Set.of(NODE));

  @Test
  void theServiceAccountsAllowedIdentityIsUsed() throws Exception {
    assertThat(POLICY.decide("team", "builder", account(A), pod())).containsExactly(A);
  }

  @Test
  void nothingNamedMeansTheNodeDefault() throws Exception {
    assertThat(POLICY.decide("team", "builder", account(), pod())).isEmpty();
  }

  @Test
  void theNodesDefaultsAreAllowedToEveryone() throws Exception {
    assertThat(POLICY.decide("other", "default", account(NODE), pod())).containsExactly(NODE);
  }

  @Test
  void anIdentityOutsideTheAllowlistIsRefusedNamingItAndTheSetting() {
    assertThatThrownBy(() -> POLICY.decide("team", "web", account(A), pod()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT);
              assertThat(e.reason()).contains(IdentityPolicy.REASON);
              assertThat(e.retriable()).isFalse();
            })
        .hasMessage(
            "identity "
                + A
                + " (from sa-field) is not allowed for ServiceAccount team/web:"
                + " fargate-identity-allowlist lists neither team="
                + A
                + " nor team/web="
                + A);
  }

  @Test
  void aPodAnnotationMayOnlyNameWhatItsServiceAccountNames() throws Exception {
    assertThat(POLICY.decide("team", "builder", account(A), pod(A))).containsExactly(A);
    assertThatThrownBy(() -> POLICY.decide("team", "builder", account(), pod(A)))
        .hasMessageContaining("pod-field names identity " + A)
        .hasMessageContaining("may only narrow");
    assertThatThrownBy(() -> POLICY.decide("team", "builder", account(A), pod(B)))
        .hasMessageContaining("pod-field names identity " + B);
  }

  @Test
  void aPodAnnotationNarrowsToASubset() throws Exception {
    IdentityPolicy two =
        new IdentityPolicy(
            "s", IdentityAllowlist.parse("team=" + A + ",team=" + B, v -> true, "x"), Set.of());
    assertThat(two.decide("team", "x", account(A, B), pod(B))).containsExactly(B);
  }

  private static IdentityPolicy.Named account(String... ids) {
    return new IdentityPolicy.Named("sa-field", Set.of(ids));
  }

  private static IdentityPolicy.Named pod(String... ids) {
    return new IdentityPolicy.Named("pod-field", Set.of(ids));
  }
}
