package org.gradphoto.delivery.adapter.out.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minio.PutObjectArgs;
import io.smallrye.mutiny.Uni;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.PackageArchiver;
import org.gradphoto.delivery.config.S3Config;
import org.gradphoto.delivery.domain.CollectionStatus;
import org.gradphoto.delivery.domain.MissingStudent;
import org.gradphoto.delivery.domain.NamingConvention;
import org.gradphoto.delivery.domain.PackageEntry;
import org.gradphoto.delivery.domain.PackagePlan;
import org.gradphoto.delivery.domain.SchoolPackage;
import org.gradphoto.testsupport.RealS3;
import org.junit.jupiter.api.Test;

/**
 * Packages a batch of 5,000 photos (default; {@code -Dbenchmark.photos=N}) from a real S3 server
 * into a ZIP in the same server, and prints the time and the peak resident memory (VmHWM) of this
 * JVM during packaging. Not part of the build: run it as the README says.
 */
class PackageBenchmark {
  private static final int PHOTOS = Integer.getInteger("benchmark.photos", 5000);

  @Test
  void packaging_a_batch_of_photos_prints_time_and_peak_memory() throws Exception {
    String endpoint = RealS3.endpoint();
    S3Config config = config(endpoint);
    MinioClients clients = new MinioClients(config);
    clients.ready();
    byte[] photo = samplePhoto();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));

    List<PackageEntry> entries = new ArrayList<>();
    ExecutorService uploads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < PHOTOS; i++) {
      String key = "bench/" + i + ".jpg";
      String number = String.format("2023%06d", i);
      entries.add(
          new PackageEntry(
              UUID.randomUUID(),
              key,
              "11010520000101" + String.format("%04d", i) + ".jpg",
              sha,
              photo.length,
              number,
              "学生" + i,
              "110105********" + String.format("%04d", i),
              Instant.now()));
      done.add(
          uploads.submit(
              () ->
                  clients.client.putObject(
                      PutObjectArgs.builder()
                          .bucket(config.packagesBucket())
                          .object(key)
                          .data(photo, photo.length)
                          .contentType("image/jpeg")
                          .build())));
    }
    for (Future<?> f : done) {
      f.get();
    }
    uploads.shutdown();
    List<MissingStudent> missing = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      missing.add(
          new MissingStudent(
              UUID.randomUUID(),
              "2024" + i,
              "未交" + i,
              "110105********0000",
              CollectionStatus.COLLECTING));
    }
    SchoolPackage pkg =
        SchoolPackage.requested(
            UUID.randomUUID(),
            "10999",
            UUID.randomUUID(),
            NamingConvention.ID_NUMBER,
            "bench",
            Instant.now());
    PackagePlan plan =
        new PackagePlan(
            pkg, "packages/bench/" + pkg.packageId() + ".zip", "bench.zip", entries, missing);

    MinioPackageArchiver archiver = new MinioPackageArchiver(clients, direct(), 8);
    System.gc();
    resetPeakRss();
    long rssBefore = rssKb("VmRSS");
    long start = System.nanoTime();
    PackageArchiver.Archived archived = archiver.write(plan, () -> {});
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = rssKb("VmHWM");

    System.out.printf(
        "BENCHMARK packaged %d photos (%d bytes each) into a %.1f MB ZIP in %.2f s;"
            + " peak RSS %d MB (RSS before packaging %d MB); max heap %d MB; %d cores%n",
        PHOTOS,
        photo.length,
        archived.sizeBytes() / 1e6,
        millis / 1000.0,
        peak / 1024,
        rssBefore / 1024,
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        Runtime.getRuntime().availableProcessors());
    assertEquals(64, archived.sha256().length());
  }

  /**
   * A 480×640 photo with light noise at JPEG quality 0.9: about 33 KB, inside the diploma spec's
   * 20–40 KB.
   */
  private static byte[] samplePhoto() {
    BufferedImage img = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(100, 197, 255));
    g.fillRect(0, 0, 480, 640);
    g.setColor(new Color(230, 190, 160));
    g.fillOval(140, 120, 200, 260);
    g.setColor(new Color(40, 40, 60));
    g.fillRect(60, 430, 360, 210);
    g.dispose();
    Random random = new Random(7);
    for (int y = 0; y < 640; y++) {
      for (int x = 0; x < 480; x++) {
        int rgb = img.getRGB(x, y);
        int n = random.nextInt(7) - 3;
        int r = Math.clamp(((rgb >> 16) & 0xFF) + n, 0, 255);
        int gg = Math.clamp(((rgb >> 8) & 0xFF) + n, 0, 255);
        int b = Math.clamp((rgb & 0xFF) + n, 0, 255);
        img.setRGB(x, y, (r << 16) | (gg << 8) | b);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Linux: writing 5 to clear_refs resets VmHWM, so the peak covers packaging only. */
  private static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      System.out.println("BENCHMARK could not reset VmHWM; the peak includes the setup");
    }
  }

  private static long rssKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static Blocking direct() {
    return new Blocking() {
      @Override
      public <T> Uni<T> call(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work);
      }

      @Override
      public <T> T await(java.util.function.Supplier<Uni<T>> work) {
        return work.get().await().indefinitely();
      }
    };
  }

  private static S3Config config(String endpoint) {
    return new TestS3Config(endpoint, "gradphoto-photos", "gradphoto-packages");
  }
}
