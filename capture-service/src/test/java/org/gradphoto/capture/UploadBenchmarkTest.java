package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The load benchmark of issue #6: 20 concurrent uploads of 12 MP photos, each answered with its
 * preview; prints p50/p95 upload-to-preview time, photos per second and peak memory. Runs only when
 * asked for (see README): {@code -Dcapture.excludedGroups= -Dgroups=benchmark}.
 */
@QuarkusTest
@TestProfile(UploadBenchmarkTest.ProductionPool.class)
@Tag("benchmark")
class UploadBenchmarkTest {
  private static final int CONCURRENT = 20;

  /** The test client's 30 s default would cut off the last uploads of the burst on a busy host. */
  private static final RestAssuredConfig PATIENT =
      RestAssured.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.socket.timeout", 600_000)
                  .setParam("http.connection.timeout", 60_000));

  /** The pool as in production: one worker per core, a queue that holds the burst. */
  public static class ProductionPool implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gradphoto.capture.engine.workers", "0",
          "gradphoto.capture.engine.queue-capacity", "24");
    }
  }

  @Test
  void twenty_concurrent_12_megapixel_uploads_all_get_their_preview() throws Exception {
    CaptureTestSupport.awaitReady();
    List<byte[]> photos = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      photos.add(twelveMegapixels(portrait(i % 2 == 0 ? "idpass_2.jpg" : "idpass_1.jpg"), i));
    }
    List<UUID[]> students = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      UUID student = UUID.randomUUID();
      UUID collection = UUID.randomUUID();
      grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
      students.add(new UUID[] {student, collection});
    }
    for (UUID[] s : students) {
      assertEquals("READY_TO_SHOOT", awaitPhase(s[0], s[1], "READY_TO_SHOOT"));
    }
    // Warm-up: one upload so the first measured one does not pay for class loading.
    CaptureTestSupport.upload(students.get(0)[0], students.get(0)[1], photos.get(0))
        .then()
        .statusCode(201);

    System.gc();
    long heapBefore = heapUsed();
    long rssBefore = rssKb("VmRSS");
    AtomicLong heapPeak = new AtomicLong(heapBefore);
    AtomicLong rssPeak = new AtomicLong(rssBefore);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    heapPeak.accumulateAndGet(heapUsed(), Math::max);
                    rssPeak.accumulateAndGet(rssKb("VmRSS"), Math::max);
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });

    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> sent = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      UUID[] s = students.get(i);
      byte[] photo = photos.get(i % photos.size());
      sent.add(
          clients.submit(
              () -> {
                go.await();
                long t0 = System.nanoTime();
                Response r =
                    CaptureTestSupport.asStudent(s[0])
                        .config(PATIENT)
                        .multiPart("photo", "phone.jpg", photo, "image/jpeg")
                        .post("/collections/" + s[1] + "/attempts");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(201, r.statusCode(), r.asString());
                return ms;
              }));
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long start = System.nanoTime();
    go.countDown();
    List<Long> times = new ArrayList<>();
    for (Future<Long> f : sent) {
      times.add(f.get());
    }
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    clients.shutdown();

    // The same photo alone, once the burst is over: service time without queueing.
    long t0 = System.nanoTime();
    CaptureTestSupport.upload(students.get(1)[0], students.get(1)[1], photos.get(0))
        .then()
        .statusCode(201);
    long aloneMs = (System.nanoTime() - t0) / 1_000_000;

    Collections.sort(times);
    String report =
        String.format(
            "capture-service upload benchmark: %d concurrent uploads of 12 MP JPEGs (%s)%n"
                + "  cores %d, engine workers %d, load average before %.1f%n"
                + "  upload-to-preview p50 %d ms, p95 %d ms, max %d ms; one upload alone %d ms%n"
                + "  throughput %.2f photos/s (%d photos in %.1f s)%n"
                + "  heap used: before %d MB, peak %d MB; test JVM RSS: before %d MB, peak %d MB"
                + " (VmHWM %d MB; the JVM also hosts the Kafka test broker)%n",
            CONCURRENT,
            sizes(photos),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            percentile(times, 0.50),
            percentile(times, 0.95),
            times.get(times.size() - 1),
            aloneMs,
            CONCURRENT / wallSeconds,
            CONCURRENT,
            wallSeconds,
            heapBefore >> 20,
            heapPeak.get() >> 20,
            rssBefore >> 10,
            rssPeak.get() >> 10,
            rssKb("VmHWM") >> 10);
    System.out.println(report);
    Files.writeString(Path.of("target", "upload-benchmark.txt"), report);
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

  private static long rssKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
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
