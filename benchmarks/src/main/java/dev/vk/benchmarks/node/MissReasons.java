package dev.vk.benchmarks.node;

import java.util.List;
import java.util.Map;

/**
 * Why a missed target misses, from the runs' own counts where they show it: the text a result cell
 * adds after "missed by ...", so that every missed row says by how much and why. Pure.
 */
final class MissReasons {
  private MissReasons() {}

  /** A reason for the subject runs against the reference runs; "" when none applies. */
  @FunctionalInterface
  interface Why {
    String of(List<NodeRun.Result> subject, List<NodeRun.Result> reference);
  }

  private static final Map<String, String> WRITES =
      Map.of(
          "create events", "events",
          "create serviceaccounts/token", "TokenRequests",
          "patch pods/status", "status writes",
          "update pods/status", "status writes");

  /** {@code verdict} with the reason added when it is a miss that does not say why yet. */
  static String add(
      String verdict, Why why, List<NodeRun.Result> subject, List<NodeRun.Result> reference) {
    if (why == null || !verdict.startsWith("missed") || verdict.contains("(")) {
      return verdict;
    }
    String reason = why.of(subject, reference);
    return reason.isEmpty() ? verdict : verdict + " (" + reason + ")";
  }

  /** The Java node against Go: the event each pod gets, which Go's client mostly drops. */
  static final Why EVENTS =
      (java, go) ->
          go.isEmpty()
              ? ""
              : String.format(
                  "events: %s a created pod, Go %s, whose client-side limit of 5 requests a second"
                      + " drops most of the one a pod it logs; the rest %s against %s",
                  perPod(java, "create events"),
                  perPod(go, "create events"),
                  NodeReport.fmt(NodeReport.median(java, r -> r.callsPerPod() - events(r))),
                  NodeReport.fmt(NodeReport.median(go, r -> r.callsPerPod() - events(r))));

  /** CPU per pod over few pods: the JIT compiles the pod path while the pods are created. */
  static final Why WARM_UP =
      (java, go) -> "the JIT's warm-up, spread over few pods; see the text below the tables";

  /** A cloud node against the mock one: what it holds before any pod. */
  static final Why IDLE =
      (cloud, mock) -> {
        double idle = NodeReport.median(cloud, NodeRun.Result::rssIdle);
        double mockIdle = NodeReport.median(mock, NodeRun.Result::rssIdle);
        return String.format(
            "%s MiB of the difference before any pod, RSS idle %s against %s: the cloud SDK's"
                + " classes and clients",
            NodeReport.fmt(idle - mockIdle), NodeReport.fmt(idle), NodeReport.fmt(mockIdle));
      };

  /** A cloud node against the mock one: the cloud and API calls each created pod makes. */
  static final Why CLOUD_CALLS =
      (cloud, mock) -> {
        double calls =
            NodeReport.median(
                cloud,
                r ->
                    r.cloudCreateCalls() == null
                        ? Double.NaN
                        : CloudCalls.total(r.cloudCreateCalls()) / r.pods());
        double more =
            NodeReport.median(cloud, NodeRun.Result::callsPerPod)
                - NodeReport.median(mock, NodeRun.Result::callsPerPod);
        return Double.isNaN(calls) || Double.isNaN(more)
            ? ""
            : String.format(
                "a created pod's %s cloud calls, which the mock node makes none of, and %s API"
                    + " calls more than the mock node's",
                NodeReport.fmt(calls), NodeReport.fmt(more));
      };

  /** A cloud node against the mock one: its writes a pod, by kind, against the mock node's. */
  static final Why API_WRITES =
      (cloud, mock) -> "a created pod's " + writes(cloud) + "; mock Java: " + writes(mock);

  /** The fargate provider's default {@code transition-interval} (FargateSettings). */
  static final double FARGATE_TRANSITION_SECONDS = 5;

  /** Fargate's deletes against the mock node's: a pod waits for its task to be seen stopped. */
  static final Why TASK_STOP =
      (cloud, mock) ->
          "each pod leaves the API once its task is seen stopped: ECS stops it, and the provider"
              + " describes stopping tasks every "
              + NodeReport.fmt(FARGATE_TRANSITION_SECONDS)
              + " s, its transition-interval";

  /** A cloud node's start against the mock one's: the SDK starts on the same two cores. */
  static final Why SDK_START =
      (cloud, mock) ->
          String.format(
              "mock Java %s s: the cloud SDK, its credentials and first TLS connections start on"
                  + " the same two cores as the node",
              NodeReport.fmt(NodeReport.median(mock, NodeRun.Result::startToReady)));

  private static String writes(List<NodeRun.Result> runs) {
    if (runs.isEmpty()) {
      return "not run";
    }
    StringBuilder sb = new StringBuilder();
    for (String kind : List.of("events", "TokenRequests", "status writes")) {
      double n =
          NodeReport.median(
              runs,
              r ->
                  r.createCalls().entrySet().stream()
                          .filter(e -> kind.equals(WRITES.get(e.getKey())))
                          .mapToInt(Map.Entry::getValue)
                          .sum()
                      / (double) r.pods());
      if (n > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(kind).append(' ').append(NodeReport.fmt(n));
      }
    }
    return sb.length() == 0 ? "no writes" : sb.toString();
  }

  private static String perPod(List<NodeRun.Result> runs, String call) {
    return NodeReport.fmt(
        NodeReport.median(runs, r -> r.createCalls().getOrDefault(call, 0) / (double) r.pods()));
  }

  private static double events(NodeRun.Result r) {
    return r.createCalls().getOrDefault("create events", 0) / (double) r.pods();
  }
}
