package org.gradphoto.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Prints the time to standardize 12 MP phone-size JPEGs made from the portraits in a folder,
 * against the time the same process needs just to decode each JPEG at full size (the baseline),
 * both measured in the same run, interleaved, single caller thread.
 *
 * <p>{@code Benchmark DIR [--rounds N] [--opencv-threads N] [--write N OUTDIR]}: with {@code
 * --write}, only writes N phone-size JPEGs to OUTDIR (for the CLI memory check).
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: Benchmark DIR [--rounds N] [--opencv-threads N] [--write N OUTDIR]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int rounds = 7;
    int threads = -1;
    int write = 0;
    Path writeDir = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--opencv-threads" -> threads = Integer.parseInt(args[++i]);
        case "--write" -> {
          write = Integer.parseInt(args[++i]);
          writeDir = Path.of(args[++i]);
        }
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    PhotoEngine.loadNative();
    if (threads > 0) {
      Core.setNumThreads(threads);
    }
    List<Path> portraits = portraits(dir);
    List<byte[]> phones = new ArrayList<>();
    for (Path p : portraits) {
      Mat img = Imgcodecs.imread(p.toString(), Imgcodecs.IMREAD_COLOR);
      Mat phone = SyntheticPhotos.phoneSize(SyntheticPhotos.phoneFraming(img), 3024);
      phones.add(SyntheticPhotos.jpeg(phone, 92));
      img.release();
      phone.release();
    }
    if (writeDir != null) {
      Files.createDirectories(writeDir);
      for (int i = 0; i < write; i++) {
        Files.write(
            writeDir.resolve(String.format("phone-%03d.jpg", i)), phones.get(i % phones.size()));
      }
      System.out.println("wrote " + write + " phone-size JPEGs to " + writeDir);
      return;
    }
    PhotoEngine engine = PhotoEngine.load(1);
    SpecProfile profile = SpecProfile.defaultProfile();
    System.out.printf(
        "photo-engine benchmark: %d portraits as 3024x4032 JPEG (12.2 MP), %d rounds, OpenCV threads %d, %s%n",
        phones.size(), rounds, Core.getNumThreads(), Runtime.version());
    for (int w = 0; w < 3; w++) { // warm-up: JIT and first-use allocations
      for (byte[] b : phones) {
        decode(b);
        engine.standardize(b, profile);
      }
    }
    double[] dec = new double[rounds * phones.size()];
    double[] std = new double[rounds * phones.size()];
    int k = 0;
    int accepted = 0;
    java.util.Map<String, List<Double>> stages = new java.util.LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (byte[] b : phones) {
        long t0 = System.nanoTime();
        decode(b);
        long t1 = System.nanoTime();
        Standardizer.Outcome res =
            engine.run(b, profile, java.util.Optional.empty(), profile.backgrounds().get(0));
        long t2 = System.nanoTime();
        res.metrics()
            .forEach(
                (key, v) -> {
                  if (key.startsWith("ms")) {
                    stages.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
                  }
                });
        dec[k] = (t1 - t0) / 1e6;
        std[k] = (t2 - t1) / 1e6;
        accepted += res.result().report().accepted() ? 1 : 0;
        k++;
      }
    }
    double mDec = median(dec);
    double mStd = median(std);
    System.out.printf("full decode (baseline): median %.1f ms%n", mDec);
    System.out.printf(
        "standardize:            median %.1f ms  (%.2f photos/s)%n", mStd, 1000 / mStd);
    System.out.printf("ratio standardize/decode: %.2f (target <= 2.00)%n", mStd / mDec);
    System.out.printf("accepted %d of %d runs%n", accepted, k);
    StringBuilder sb = new StringBuilder("stage medians (ms):");
    stages.forEach(
        (key, v) ->
            sb.append(
                String.format(
                    " %s %.1f",
                    key.substring(2), median(v.stream().mapToDouble(d -> d).toArray()))));
    System.out.println(sb);
  }

  private static void decode(byte[] b) {
    Mat m = Imgcodecs.imdecode(new MatOfByte(b), Imgcodecs.IMREAD_COLOR);
    m.release();
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  private static List<Path> portraits(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l =
          s.filter(
                  p ->
                      p.toString().matches("(?i).*\\.(png|jpe?g)$")
                          && !p.toString().contains("astronaut"))
              .sorted()
              .toList();
      if (l.isEmpty()) {
        throw new IOException("no portraits in " + dir);
      }
      return l;
    }
  }
}
