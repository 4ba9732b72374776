package dev.vk.provider.fargate.mapping;

/** The pod annotations the provider reads and writes. */
public final class PodAnnotations {
  /** Per-pod task role ARN; wins over everything else. */
  public static final String TASK_ROLE = "fargate.vk.dev/task-role-arn";

  /**
   * The IRSA role annotation. EKS puts it on the ServiceAccount, where it is read; on the pod
   * (copied by a webhook or by hand) it wins over the account's.
   */
  public static final String IRSA_ROLE = "eks.amazonaws.com/role-arn";

  /** FARGATE or FARGATE_SPOT for this pod. */
  public static final String CAPACITY_PROVIDER = "fargate.vk.dev/capacity-provider";

  /** Written by the provider, like EKS: the size Fargate bills, e.g. {@code 0.25vCPU 0.5GB}. */
  public static final String CAPACITY_PROVISIONED = "CapacityProvisioned";

  private PodAnnotations() {}
}
