package dev.vk.benchmarks.node;

/**
 * The targets of the cloud provider rows (see {@link CloudReport}): each gives its text for a pod
 * count and its verdict on what a row saw. Pure.
 */
final class CloudTargets {
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
        return rateBound && s.cloud() >= floor * 0.9
            ? miss
                + " (the rate of "
                + NodeReport.fmt(s.createRate())
                + " a second makes it at least "
                + fmtS(floor)
                + ")"
            : miss;
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
   */
  static Target steadyCap(String kind) {
    return new Target() {
      public String text(int pods) {
        return "<= " + NodeReport.fmt(cap(pods)) + " (provider default)";
      }

      public String check(Seen s) {
        String verdict = atMost(cap(s.pods()), "a minute").check(s);
        // ListTasks runs every 25 s: a 60 s window holds 2 or 3 listings, the model averages 2.4.
        // Three listings' pages, the cluster check and one ListTaskDefinitions page.
        double threeListings = 3 * Math.ceil(s.pods() / 100.0) + 2;
        return kind.equals("fargate") && !verdict.equals("met") && s.cloud() <= threeListings
            ? verdict
                + " (ListTasks runs every 25 s, so a 60 s window holds 2 or 3 listings: this one"
                + " held 3 where the model averages 2.4, plus the cluster check once a minute)"
            : verdict;
      }

      private double cap(int pods) {
        return kind.equals("aci") ? 300 : (Math.ceil(pods / 100.0) + 1 / 12.0) * 60 / 25;
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
