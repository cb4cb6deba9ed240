package dev.workflowengine.samples;

import dev.workflowengine.ollama.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws a model download as a console progress bar, one line per layer: the line is redrawn in
 * place ({@code \r}) as bytes arrive and ends when the layer is complete or the status changes.
 */
final class PullProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String model;
  private String layer = "";
  private int drawnPercent = -1;

  PullProgressBar(PrintStream out, String model) {
    this.out = out;
    this.model = model;
  }

  void show(Progress progress) {
    if (progress.fraction().isEmpty()) {
      endLine();
      out.println("   " + model + ": " + progress.status());
      return;
    }
    String digest = progress.digest().orElse(progress.status());
    if (!digest.equals(layer)) {
      endLine();
      layer = digest;
    }
    int percent = (int) Math.floor(progress.fraction().getAsDouble() * 100);
    if (percent == drawnPercent) {
      return; // Ollama reports every few kilobytes; redraw only when the bar moves
    }
    drawnPercent = percent;
    int filled = percent * WIDTH / 100;
    out.print(
        String.format(
            Locale.ROOT,
            "\r   %s [%s%s] %3d%% of %s",
            progress.status(),
            "=".repeat(filled),
            " ".repeat(WIDTH - filled),
            percent,
            megabytes(progress.total().getAsLong())));
    out.flush();
  }

  /** Finishes the bar being drawn, if any. */
  void endLine() {
    if (drawnPercent >= 0) {
      out.println();
      drawnPercent = -1;
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / 1_000_000.0);
  }
}
