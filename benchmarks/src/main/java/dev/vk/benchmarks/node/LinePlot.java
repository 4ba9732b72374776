package dev.vk.benchmarks.node;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG line chart of one metric against the pod count, one line per node, drawn with java.awt
 * (headless) so the benchmark needs no charting library. The x axis is logarithmic (100, 1000,
 * 5000).
 */
final class LinePlot {
  private static final int W = 720;
  private static final int H = 440;
  private static final int L = 80;
  private static final int R = 30;
  private static final int T = 50;
  private static final int B = 60;
  private static final Color[] COLORS = {new Color(0xD6604D), new Color(0x4393C3)};

  private final String title;
  private final String yLabel;
  private final Map<String, Map<Integer, Double>> series = new LinkedHashMap<>();

  LinePlot(String title, String yLabel) {
    this.title = title;
    this.yLabel = yLabel;
  }

  /** Adds one point of a line; NaN points are left out. */
  LinePlot point(String line, int pods, double value) {
    if (!Double.isNaN(value)) {
      series.computeIfAbsent(line, k -> new java.util.TreeMap<>()).put(pods, value);
    }
    return this;
  }

  /** Writes the chart; overwrites {@code file}. */
  void write(Path file) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    List<Integer> xs =
        series.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    double yMax =
        series.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToDouble(d -> d)
            .max()
            .orElse(1);
    yMax = niceCeiling(yMax);
    double xMin = Math.log10(xs.isEmpty() ? 100 : xs.get(0));
    double xMax = Math.log10(xs.isEmpty() ? 1000 : xs.get(xs.size() - 1));
    if (xMax <= xMin) {
      xMin -= 0.5;
      xMax += 0.5;
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, L, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(L, H - B, W - R, H - B);
    g.drawLine(L, T, L, H - B);
    for (int i = 0; i <= 5; i++) {
      double v = yMax * i / 5;
      int y = yPix(v, yMax);
      g.setColor(new Color(0xE0E0E0));
      g.drawLine(L + 1, y, W - R, y);
      g.setColor(Color.BLACK);
      g.drawString(format(v), 10, y + 4);
    }
    for (int x : xs) {
      int px = xPix(x, xMin, xMax);
      g.drawLine(px, H - B, px, H - B + 5);
      g.drawString(Integer.toString(x), px - 12, H - B + 20);
    }
    g.drawString("pods (log scale)", W / 2 - 40, H - 15);
    g.drawString(yLabel, L, T - 6);
    int c = 0;
    for (var e : series.entrySet()) {
      g.setColor(COLORS[c % COLORS.length]);
      g.setStroke(new BasicStroke(2.5f));
      int[] prev = null;
      for (var p : e.getValue().entrySet()) {
        int[] pt = {xPix(p.getKey(), xMin, xMax), yPix(p.getValue(), yMax)};
        g.fillOval(pt[0] - 4, pt[1] - 4, 8, 8);
        if (prev != null) {
          g.drawLine(prev[0], prev[1], pt[0], pt[1]);
        }
        prev = pt;
      }
      g.fillRect(W - R - 150, T + 10 + c * 20, 14, 4);
      g.drawString(e.getKey(), W - R - 130, T + 16 + c * 20);
      c++;
    }
    g.dispose();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int xPix(int pods, double xMin, double xMax) {
    return L + 20 + (int) ((Math.log10(pods) - xMin) / (xMax - xMin) * (W - L - R - 40));
  }

  private static int yPix(double v, double yMax) {
    return H - B - (int) (v / yMax * (H - B - T));
  }

  private static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String format(double v) {
    return v == 0 || v >= 10
        ? String.format("%.0f", v)
        : v >= 1 ? String.format("%.1f", v) : String.format("%.3f", v);
  }
}
