package dev.vk.provider.fargate.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The task role is the ServiceAccount's, when the allowlist permits it; pods cannot choose. */
class TaskRoleTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/";
  private static final String DEFAULT = ROLE + "default";
  private final TaskDefinitionMapper mapper = mapper("team/builder=" + ROLE + "build");

  @Test
  void theServiceAccountsAllowedRoleIsTheTaskRole() throws Exception {
    assertThat(role(pod("builder"), ROLE + "build")).isEqualTo(ROLE + "build");
  }

  @Test
  void withoutARoleOnTheServiceAccountTheTaskGetsTheNodesDefault() throws Exception {
    assertThat(role(pod("builder"), null)).isEqualTo(DEFAULT);
    assertThat(role(pod("other"), DEFAULT)).as("the default is allowed to all").isEqualTo(DEFAULT);
  }

  @Test
  void aServiceAccountRoleOutsideTheAllowlistIsRefused() {
    assertThatThrownBy(() -> role(pod("web"), ROLE + "build"))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.reason()).contains(IdentityPolicy.REASON))
        .hasMessage(
            "identity "
                + ROLE
                + "build (from serviceaccount team/web annotation eks.amazonaws.com/role-arn) is"
                + " not allowed for ServiceAccount team/web: fargate-identity-allowlist lists"
                + " neither team="
                + ROLE
                + "build nor team/web="
                + ROLE
                + "build");
  }

  @Test
  void podAnnotationsCannotChooseARoleTheirServiceAccountDoesNotName() {
    for (String key : List.of(PodAnnotations.TASK_ROLE, PodAnnotations.IRSA_ROLE)) {
      V1Pod pod = pod("builder");
      pod.getMetadata().annotations(Map.of(key, ROLE + "build"));
      assertThatThrownBy(() -> role(pod, null))
          .hasMessageStartingWith("metadata.annotations[" + key + "] names identity " + ROLE)
          .hasMessageContaining("may only narrow");
    }
  }

  @Test
  void aPodAnnotationRepeatingItsServiceAccountsRoleIsAccepted() throws Exception {
    V1Pod pod = pod("builder");
    pod.getMetadata().annotations(Map.of(PodAnnotations.TASK_ROLE, ROLE + "build"));
    assertThat(role(pod, ROLE + "build")).isEqualTo(ROLE + "build");
  }

  @Test
  void aMalformedRoleIsRefusedNamingWhereItCameFrom() {
    assertThatThrownBy(() -> role(pod("builder"), "admin"))
        .hasMessage(
            "serviceaccount team/builder annotation eks.amazonaws.com/role-arn: 'admin' is not an"
                + " IAM role ARN");
  }

  private String role(V1Pod pod, String accountRole) throws ProviderException {
    return mapper
        .plan(pod, new PodInputs(Optional.ofNullable(accountRole), Map.of()))
        .registration()
        .taskRoleArn();
  }

  private static TaskDefinitionMapper mapper(String allowlist) {
    return new TaskDefinitionMapper(
        new MappingConfig(
            "vk-node-1",
            "us-east-1",
            Optional.empty(),
            "vk",
            Optional.empty(),
            Optional.of(DEFAULT),
            "FARGATE",
            MappingConfig.DEFAULT_VOLUME_IMAGE,
            "c1",
            new IdentityPolicy(
                "fargate-identity-allowlist",
                IdentityAllowlist.parse(allowlist, v -> v.startsWith("arn:"), "an ARN"),
                Set.of(DEFAULT))));
  }

  private static V1Pod pod(String account) {
    return new V1Pod()
        .metadata(new V1ObjectMeta().namespace("team").name("web").uid("u1"))
        .spec(
            new V1PodSpec()
                .serviceAccountName(account)
                .containers(List.of(new V1Container().name("app").image("busybox:1.36"))));
  }
}
