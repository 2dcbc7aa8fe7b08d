package org.gradphoto.capture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of one upload goes, from a JFR recording of {@link UploadBenchmarkTest} (README,
 * "Where the time goes"): the {@code jdk.CPUTimeSample} events (CPU-time sampling, JDK 25, Java
 * threads, native code included) between two instants the benchmark prints, each sample put in one
 * step by the frames on its stack, then divided by the photos the engine made and the requests
 * served in that window; beside it the heap allocated by step ({@code jdk.ObjectAllocationSample}
 * weights) and the heap before and after each collection in the window. Not a test: a tool, run as
 * a single-file program with the JDK alone:
 *
 * <pre>
 * java capture-service/src/test/java/org/gradphoto/capture/JfrBreakdown.java \
 *     rec.jfr FROM TO PHOTOS REQUESTS
 * </pre>
 */
public final class JfrBreakdown {
  private JfrBreakdown() {}

  /** A step and the frame prefixes that put a sample in it; the first step matching wins. */
  private record Step(String name, List<String> frames) {}

  /** Engine steps first (most specific), then the path around it, then test-only work. */
  private static final List<Step> STEPS =
      List.of(
          new Step("engine: decode", List.of("org.gradphoto.engine.io.ImageDecoder")),
          new Step("engine: face detection", List.of("org.gradphoto.engine.vision.FaceDetector")),
          new Step(
              "engine: face mesh",
              List.of(
                  "org.gradphoto.engine.vision.FaceLandmarker",
                  "org.gradphoto.engine.vision.FaceMesh")),
          new Step(
              "engine: person segmentation",
              List.of("org.gradphoto.engine.vision.PersonSegmenter")),
          new Step("engine: cut-out PNG encode", List.of("org.gradphoto.engine.Cutout")),
          new Step("engine: preview JPEG encode", List.of("org.gradphoto.engine.io.JpegWriter")),
          new Step(
              "engine: matte, composite",
              List.of("org.gradphoto.engine.Compositor", "org.gradphoto.engine.MatteCleanup")),
          new Step(
              "engine: checks",
              List.of(
                  "org.gradphoto.engine.LightingChecks",
                  "org.gradphoto.engine.Lighting",
                  "org.gradphoto.engine.Metrics",
                  "org.gradphoto.engine.PlainWallSeparation",
                  "org.gradphoto.engine.FaceRegions")),
          new Step("engine: other (resample, crop, geometry)", List.of("org.gradphoto.engine.")),
          new Step(
              "test only: benchmark HTTP client",
              List.of("io.restassured.", "org.apache.http.", "groovy", "org.codehaus.groovy")),
          new Step("test only: Kafka broker", List.of("kafka.", "org.apache.kafka.")),
          new Step(
              "multipart parse + spool to disk",
              List.of(
                  "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler",
                  "org.jboss.resteasy.reactive.server.multipart",
                  "io.vertx.ext.web.handler.impl.BodyHandlerImpl",
                  "io.vertx.core.file",
                  "io.vertx.core.http.impl.HttpServerFileUploadImpl",
                  "io.netty.handler.codec.http.multipart")),
          new Step("S3 client", List.of("io.minio.", "okhttp3.", "okio.")),
          new Step(
              "database",
              List.of(
                  "org.hibernate.",
                  "io.vertx.pgclient.",
                  "io.vertx.sqlclient.",
                  "io.vertx.pgclient")),
          new Step(
              "token check",
              List.of(
                  "io.quarkus.oidc.", "io.smallrye.jwt.", "org.jose4j.", "io.quarkus.security.")),
          new Step("JSON", List.of("com.fasterxml.jackson.")),
          new Step("metrics", List.of("io.micrometer.")),
          new Step(
              "capture service code", List.of("org.gradphoto.capture.", "org.gradphoto.kernel.")),
          new Step(
              "HTTP server, REST layer, event loop",
              List.of("io.netty.", "io.vertx.", "org.jboss.resteasy.", "io.quarkus.")),
          new Step("Mutiny, other JDK and libraries", List.of("")));

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Instant from = Instant.parse(args[1]);
    Instant to = Instant.parse(args[2]);
    int photos = Integer.parseInt(args[3]);
    int requests = Integer.parseInt(args[4]);
    Map<String, long[]> bySteps = new LinkedHashMap<>();
    for (Step s : STEPS) {
      bySteps.put(s.name(), new long[1]);
    }
    Map<String, long[]> allocated = new LinkedHashMap<>();
    for (Step s : STEPS) {
      allocated.put(s.name(), new long[1]);
    }
    Map<String, long[]> byThread = new TreeMap<>();
    long samples = 0;
    long lost = 0;
    long heapBeforeMax = 0;
    long heapAfterMax = 0;
    int collections = 0;
    double periodMs = Double.NaN;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      Instant t = e.getStartTime();
      if (t.isBefore(from) || t.isAfter(to)) {
        continue;
      }
      switch (e.getEventType().getName()) {
        case "jdk.CPUTimeSample" -> {
          samples++;
          if (e.getBoolean("failed")) {
            lost++;
            continue;
          }
          if (Double.isNaN(periodMs)) {
            periodMs = e.getDuration("samplingPeriod").toNanos() / 1e6;
          }
          bySteps.get(step(e.getStackTrace()))[0]++;
          byThread.computeIfAbsent(threadGroup(e), k -> new long[1])[0]++;
        }
        case "jdk.CPUTimeSamplesLost" -> lost += e.getLong("lostSamples");
        case "jdk.ObjectAllocationSample" ->
            allocated.get(step(e.getStackTrace()))[0] += e.getLong("weight");
        case "jdk.GCHeapSummary" -> {
          long used = e.getLong("heapUsed");
          if ("Before GC".equals(e.getString("when"))) {
            heapBeforeMax = Math.max(heapBeforeMax, used);
            collections++;
          } else {
            heapAfterMax = Math.max(heapAfterMax, used);
          }
        }
        default -> {}
      }
    }
    System.out.printf(
        "window %s .. %s: %d CPU-time samples (%d lost), period %.1f ms; %d photos, %d requests%n",
        from, to, samples, lost, periodMs, photos, requests);
    // Lost samples (the sampler's queue was full) are spread like the kept ones.
    double scale = samples == 0 ? 0 : (samples + lost) / (double) samples;
    System.out.printf("%-44s %10s %14s%n", "step", "samples", "CPU ms/photo");
    for (var s : bySteps.entrySet()) {
      long n = s.getValue()[0];
      if (n > 0) {
        System.out.printf("%-44s %10d %14.1f%n", s.getKey(), n, n * scale * periodMs / photos);
      }
    }
    System.out.printf("%-44s %14s%n", "heap allocated by step", "MB/photo");
    for (var s : allocated.entrySet()) {
      long bytes = s.getValue()[0];
      if (bytes >= 1 << 20) {
        System.out.printf("%-44s %14.1f%n", s.getKey(), bytes / 1048576.0 / photos);
      }
    }
    System.out.printf(
        "all sampled Java threads: %.1f CPU ms per photo (%.1f per request)%n",
        samples * scale * periodMs / photos, samples * scale * periodMs / requests);
    System.out.println("by thread (samples):");
    byThread.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(12)
        .forEach(t -> System.out.printf("  %-40s %8d%n", t.getKey(), t.getValue()[0]));
    System.out.printf(
        "heap in the window: %d collections, at most %d MB used before one, at most %d MB live"
            + " after one%n",
        collections, heapBeforeMax >> 20, heapAfterMax >> 20);
  }

  private static String step(RecordedStackTrace stack) {
    if (stack == null) {
      return STEPS.get(STEPS.size() - 1).name();
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (Step s : STEPS) {
      for (RecordedFrame f : frames) {
        String type = f.getMethod().getType().getName();
        for (String prefix : s.frames()) {
          if (type.startsWith(prefix)) {
            return s.name();
          }
        }
      }
    }
    return STEPS.get(STEPS.size() - 1).name();
  }

  /** The thread's name without its number (pools and event loops are summed). */
  private static String threadGroup(RecordedEvent e) {
    var thread = e.getThread("eventThread");
    String name = thread == null ? "?" : thread.getJavaName();
    return name == null ? "?" : name.replaceAll("[-#]?\\d+", "");
  }
}
