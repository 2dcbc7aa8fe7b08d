package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark of issues #6 and #21, through the real HTTP stack (each answer carries its
 * preview, so the time measured is upload → preview): 20 concurrent uploads of 12 MP photos, then
 * 100 uploads arriving evenly over 10 s, then one upload alone; beside them the engine's own time
 * per photo (the {@code capture.stage{stage=engine.run}} timer), the time of every other step of
 * the path, heap peak and the load average. Prints and writes {@code target/upload-benchmark.txt}.
 * Runs only when asked for (see README): {@code -Dcapture.excludedGroups= -Dgroups=benchmark}.
 */
@QuarkusTest
@TestProfile(UploadBenchmarkTest.ProductionPool.class)
@Tag("benchmark")
class UploadBenchmarkTest {
  private static final int CONCURRENT = 20;
  private static final int ARRIVALS = 100;
  private static final long ARRIVAL_SPAN_MS = 10_000;

  /** The test client's 30 s default would cut off the last uploads of the burst on a busy host. */
  private static final RestAssuredConfig PATIENT =
      RestAssured.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.socket.timeout", 600_000)
                  .setParam("http.connection.timeout", 60_000));

  /** The pool as in production: one worker per core, the production queue and wait. */
  public static class ProductionPool implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gradphoto.capture.engine.workers", "0",
          "gradphoto.capture.engine.queue-capacity", "24",
          "gradphoto.capture.engine.max-wait", "10s");
    }
  }

  @Inject MeterRegistry registry;

  /** One upload's answer: HTTP status and time from sending to the answer with its preview. */
  private record Answer(int status, long ms) {}

  /** What one scenario printed. */
  private record Run(
      List<Answer> answers,
      double wallSeconds,
      long heapPeak,
      long liveHeapPeak,
      double cpuSeconds,
      Instant from,
      Instant to) {
    long count(java.util.function.IntPredicate status) {
      return answers.stream().filter(a -> status.test(a.status())).count();
    }

    List<Long> sortedMs() {
      return answers.stream().map(Answer::ms).sorted().toList();
    }
  }

  @Test
  void uploads_in_a_burst_and_arriving_over_ten_seconds_all_get_an_answer() throws Exception {
    CaptureTestSupport.awaitReady();
    List<byte[]> photos = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      photos.add(twelveMegapixels(portrait(i % 2 == 0 ? "idpass_2.jpg" : "idpass_1.jpg"), i));
    }
    List<UUID[]> students = students(CONCURRENT + ARRIVALS + 1);
    // Warm-up: one upload so the first measured one does not pay for class loading.
    CaptureTestSupport.upload(students.get(0)[0], students.get(0)[1], photos.get(0))
        .then()
        .statusCode(201);

    double loadBurst = loadAverage();
    Map<String, double[]> before = stages();
    Run burst = run(students.subList(0, CONCURRENT), photos, 0);
    Map<String, double[]> burstStages = delta(before, stages());

    double loadArrivals = loadAverage();
    Run arrivals =
        run(
            students.subList(CONCURRENT, CONCURRENT + ARRIVALS),
            photos,
            ARRIVAL_SPAN_MS / ARRIVALS);

    // The same photo alone, once the rest is over: service time without queueing.
    double loadAlone = loadAverage();
    Map<String, double[]> beforeAlone = stages();
    UUID[] alone = students.get(CONCURRENT + ARRIVALS);
    long t0 = System.nanoTime();
    CaptureTestSupport.upload(alone[0], alone[1], photos.get(0)).then().statusCode(201);
    long aloneMs = (System.nanoTime() - t0) / 1_000_000;
    double aloneEngineMs = delta(beforeAlone, stages()).get("engine.run")[1];

    double enginePerPhoto = burstStages.get("engine.run")[1] / burstStages.get("engine.run")[0];
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "capture-service upload benchmark (12 MP JPEGs: %s; cores %d, engine workers %d;"
                + " heap at most %d MB, %s)%n",
            sizes(photos),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20,
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .reduce((a, b) -> a + " + " + b)
                .orElse("")));
    report.append(
        describe(
            CONCURRENT + " concurrent uploads",
            burst,
            loadBurst,
            String.format(
                "  engine per photo %.0f ms (mean of engine.run over the burst)%n",
                enginePerPhoto)));
    report.append(
        describe(
            ARRIVALS + " uploads arriving over " + ARRIVAL_SPAN_MS / 1000 + " s",
            arrivals,
            loadArrivals,
            ""));
    report.append(
        String.format(
            "one upload alone: %d ms, of which the engine %.0f ms: path adds %.0f %% to the"
                + " engine (load average %.1f)%n",
            aloneMs, aloneEngineMs, 100.0 * (aloneMs - aloneEngineMs) / aloneEngineMs, loadAlone));
    report.append(
        String.format(
            "steps during the %d concurrent uploads (count, mean ms per call; capture.stage"
                + " timers):%n",
            CONCURRENT));
    burstStages.forEach(
        (stage, v) ->
            report.append(String.format("  %-24s %4.0f × %7.1f ms%n", stage, v[0], v[1] / v[0])));
    report.append(String.format("load average after: %.1f%n", loadAverage()));
    System.out.println(report);
    Files.writeString(Path.of("target", "upload-benchmark.txt"), report.toString());

    // Every upload got an answer (a status line, not a dropped connection or a client timeout).
    assertEquals(CONCURRENT, burst.answers().size());
    assertEquals(ARRIVALS, arrivals.answers().size());
  }

  private static String describe(String what, Run r, double load, String extra) {
    List<Long> ms = r.sortedMs();
    return String.format(
        "%s (load average before %.1f; %s to %s, to cut a profile to it):%n"
            + "  answered %d: %d × 201, %d × 503, %d other (%d × 5xx in all)%n"
            + "  upload-to-preview p50 %d ms, p95 %d ms, max %d ms%n"
            + "  throughput %.2f photos/s (%d in %.1f s); heap peak %d MB (live after a"
            + " collection at most %d MB); JVM CPU %.0f ms per photo%n%s",
        what,
        load,
        r.from(),
        r.to(),
        r.answers().size(),
        r.count(s -> s == 201),
        r.count(s -> s == 503),
        r.count(s -> s != 201 && s != 503),
        r.count(s -> s >= 500),
        percentile(ms, 0.50),
        percentile(ms, 0.95),
        ms.get(ms.size() - 1),
        r.count(s -> s == 201) / r.wallSeconds(),
        r.count(s -> s == 201),
        r.wallSeconds(),
        r.heapPeak() >> 20,
        r.liveHeapPeak() >> 20,
        r.cpuSeconds() * 1000 / r.answers().size(),
        extra);
  }

  /** Grants one collection per student and waits until each can be uploaded to. */
  private static List<UUID[]> students(int n) {
    List<UUID[]> students = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID student = UUID.randomUUID();
      UUID collection = UUID.randomUUID();
      grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
      students.add(new UUID[] {student, collection});
    }
    for (UUID[] s : students) {
      assertEquals("READY_TO_SHOOT", awaitPhase(s[0], s[1], "READY_TO_SHOOT"));
    }
    return students;
  }

  /**
   * One upload per student: all at once when {@code gapMs} is 0, else one every {@code gapMs}
   * (arrivals at a steady rate, whether or not earlier ones are answered).
   */
  private static Run run(List<UUID[]> students, List<byte[]> photos, long gapMs) throws Exception {
    System.gc();
    AtomicLong heapPeak = new AtomicLong(heapUsed());
    AtomicLong livePeak = new AtomicLong(heapLive());
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    heapPeak.accumulateAndGet(heapUsed(), Math::max);
                    livePeak.accumulateAndGet(heapLive(), Math::max);
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    ExecutorService clients = Executors.newFixedThreadPool(students.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> sent = new ArrayList<>();
    for (int i = 0; i < students.size(); i++) {
      UUID[] s = students.get(i);
      byte[] photo = photos.get(i % photos.size());
      long offsetMs = i * gapMs;
      sent.add(
          clients.submit(
              () -> {
                go.await();
                Thread.sleep(offsetMs);
                long t0 = System.nanoTime();
                Response r =
                    CaptureTestSupport.asStudent(s[0])
                        .config(PATIENT)
                        .multiPart("photo", "phone.jpg", photo, "image/jpeg")
                        .post("/collections/" + s[1] + "/attempts");
                return new Answer(r.statusCode(), (System.nanoTime() - t0) / 1_000_000);
              }));
    }
    long cpu0 = processCpuNanos();
    Instant from = Instant.now();
    long start = System.nanoTime();
    go.countDown();
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> f : sent) {
      answers.add(f.get());
    }
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    sampler.interrupt();
    clients.shutdown();
    return new Run(
        answers, wallSeconds, heapPeak.get(), livePeak.get(), cpuSeconds, from, Instant.now());
  }

  /** Count and total milliseconds of every {@code capture.stage} timer. */
  private Map<String, double[]> stages() {
    Map<String, double[]> out = new TreeMap<>();
    for (Timer t : registry.find("capture.stage").timers()) {
      out.put(
          t.getId().getTag("stage"),
          new double[] {t.count(), t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)});
    }
    return out;
  }

  private static Map<String, double[]> delta(
      Map<String, double[]> before, Map<String, double[]> after) {
    Map<String, double[]> out = new TreeMap<>();
    after.forEach(
        (k, v) -> {
          double[] b = before.getOrDefault(k, new double[2]);
          if (v[0] > b[0]) {
            out.put(k, new double[] {v[0] - b[0], v[1] - b[1]});
          }
        });
    return out;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long percentile(List<Long> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static String sizes(List<byte[]> photos) {
    return photos.stream()
        .map(p -> String.format("%.1f MB", p.length / 1048576.0))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The heap left after the latest collection (what was still reachable then), summed over the
   * heap's pools: unlike {@link #heapUsed}, garbage not yet collected does not count, so the GC's
   * own sizing (how long it lets garbage pile up in a large heap) does not show as need.
   */
  private static long heapLive() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (after != null) {
        live += after.getUsed();
      }
    }
    return live;
  }

  /**
   * A 3000 × 4000 phone-like photo: the portrait scaled up on a wall-coloured canvas, with sensor
   * noise so it compresses like a camera picture (a few MB at quality 92).
   */
  private static byte[] twelveMegapixels(byte[] portrait, int seed) throws IOException {
    BufferedImage src = ImageIO.read(new ByteArrayInputStream(portrait));
    int w = 3000;
    int h = 4000;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new java.awt.Color(src.getRGB(2, 2)));
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    int sh = (int) Math.round(src.getHeight() * (w * 0.8 / src.getWidth()));
    g.drawImage(src, (int) (w * 0.1), h - sh, (int) (w * 0.8), sh, null);
    g.dispose();
    Random noise = new Random(seed);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int n = noise.nextInt(9) - 4;
        int p = row[x];
        row[x] =
            (clamp(((p >> 16) & 0xFF) + n) << 16)
                | (clamp(((p >> 8) & 0xFF) + n) << 8)
                | clamp((p & 0xFF) + n);
      }
      img.setRGB(0, y, w, 1, row, 0, w);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(img, null, null), param);
    }
    writer.dispose();
    return out.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
