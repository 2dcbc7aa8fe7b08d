package org.gradphoto.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine's 1-minute load average every 10 s during the run, so the figures are printed
 * beside how busy the machine was (the load generator runs on it too).
 */
final class LoadSampler {

  private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();
  private ScheduledExecutorService timer;

  void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "load-average");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.SECONDS);
  }

  void stop() {
    timer.shutdownNow();
    sample();
  }

  String summary() {
    DoubleSummaryStatistics s = samples.stream().mapToDouble(Double::doubleValue).summaryStatistics();
    return String.format(
        "1-min load average during the run: mean %.1f, max %.1f (%d samples); after: %s",
        s.getAverage(), s.getMax(), s.getCount(), loadAverage());
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void sample() {
    String[] fields = loadAverage().split(" ");
    try {
      samples.add(Double.parseDouble(fields[0]));
    } catch (NumberFormatException e) {
      // no /proc/loadavg on this system: nothing to sample
    }
  }
}
