package dev.vk.benchmarks.node;

/**
 * The targets of the cloud provider rows (see {@link CloudReport}): each gives its text for a pod
 * count and its verdict on what a row saw. Pure.
 */
final class CloudTargets {
  /**
   * The fargate provider's default {@code status-interval} (FargateSettings), one ListTasks listing
   * each: the model the steady cap is held to (CloudTargetsTest checks the two agree).
   */
  static final double FARGATE_LISTING_SECONDS = 25;

  private CloudTargets() {}

  /** What a row's target sees: the cloud median, the mock Java median, the same cloud at 1000. */
  record Seen(int pods, double cloud, double mock, double at1000, double createRate) {}

  /** A target: its text for a pod count and the verdict ("met", "missed by ...", or "-"). */
  interface Target {
    String text(int pods);

    String check(Seen s);
  }

  /** At most {@code max} times the mock Java node; {@code rateBound}: say the create-rate floor. */
  static Target vsMock(double max, boolean rateBound) {
    return new Target() {
      public String text(int pods) {
        return "<= " + max + "x mock Java";
      }

      public String check(Seen s) {
        if (Double.isNaN(s.mock())) {
          return "no mock Java run";
        }
        double r = s.cloud() / s.mock();
        if (r <= max) {
          return "met";
        }
        String miss = String.format("missed by %.2fx", r / max);
        double floor = s.pods() / s.createRate();
        if (!rateBound || s.cloud() < floor * 0.9) {
          return miss;
        }
        // What the rate does not explain is said too, so the floor is not taken for the whole miss.
        double beyond = s.cloud() - floor;
        return miss
            + " (the rate of "
            + NodeReport.fmt(s.createRate())
            + " a second makes it about "
            + fmtS(floor)
            + (beyond > floor * 0.1
                ? "; " + fmtS(beyond) + " more: see the text below the tables"
                : "")
            + ")";
      }
    };
  }

  static Target atMost(double max, String unit) {
    return new Target() {
      public String text(int pods) {
        return "<= " + NodeReport.fmt(max) + " " + unit;
      }

      public String check(Seen s) {
        return s.cloud() <= max
            ? "met"
            : "missed by " + NodeReport.fmt(s.cloud() - max) + " " + unit;
      }
    };
  }

  /** 5000 pods: under 400 MiB; below: at most 1.2x the mock Java node. */
  static Target rssAtN() {
    Target small = vsMock(1.2, false);
    Target large = atMost(400, "MiB");
    return new Target() {
      public String text(int pods) {
        return (pods >= 5000 ? large : small).text(pods);
      }

      public String check(Seen s) {
        return (s.pods() >= 5000 ? large : small).check(s);
      }
    };
  }

  /** Up to 1000 pods: at most 1.5x the mock Java node; above: within 20% of the same at 1000. */
  static Target cpuPerPod() {
    return scaled(vsMock(1.5, false), 1.2);
  }

  /** Above 1000 pods, at most 1.2x the same provider's figure at 1000; below, none. */
  static Target notGrowing() {
    return scaled(none(), 1.2);
  }

  static Target scaled(Target upTo1000, double maxGrowth) {
    return new Target() {
      public String text(int pods) {
        return pods > 1000 ? "<= " + maxGrowth + "x at 1000" : upTo1000.text(pods);
      }

      public String check(Seen s) {
        if (s.pods() <= 1000) {
          return upTo1000.check(s);
        }
        if (Double.isNaN(s.at1000())) {
          return "no 1000-pod run";
        }
        double r = s.cloud() / s.at1000();
        return r <= maxGrowth ? "met" : String.format("missed by %.2fx", r / maxGrowth);
      }
    };
  }

  /**
   * The steady budget the provider documents with its defaults: ACI's {@code
   * status-calls-per-minute} 300; Fargate's one ListTasks page per 100 tasks every 25 s, plus one
   * ListTaskDefinitions page every 12 intervals.
   *
   * <p>For Fargate, the most that model allows in a window of {@code windowSeconds}, per minute:
   * the whole listings that fit, one cluster check per started minute and one ListTaskDefinitions
   * page per started 12 intervals. A window of whole listings (see {@link
   * NodeCloud#steadyWindow()}) keeps this close to the model's average.
   */
  static Target steadyCap(String kind, double windowSeconds) {
    return new Target() {
      public String text(int pods) {
        return "<= "
            + NodeReport.fmt(cap(pods))
            + " (provider default, "
            + NodeReport.fmt(windowSeconds)
            + " s window)";
      }

      public String check(Seen s) {
        return atMost(cap(s.pods()), "a minute").check(s);
      }

      private double cap(int pods) {
        if (kind.equals("aci")) {
          return 300;
        }
        double listings = Math.ceil(windowSeconds / FARGATE_LISTING_SECONDS);
        double calls =
            listings * Math.ceil(pods / 100.0)
                + Math.ceil(windowSeconds / 60)
                + Math.ceil(windowSeconds / (12 * FARGATE_LISTING_SECONDS));
        return calls * 60 / windowSeconds;
      }
    };
  }

  static Target none() {
    return new Target() {
      public String text(int pods) {
        return "-";
      }

      public String check(Seen s) {
        return "-";
      }
    };
  }

  private static String fmtS(double seconds) {
    return NodeReport.fmt(seconds) + " s";
  }
}
