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
 * against a full decode of the same files by libjpeg-turbo's {@code djpeg} (the baseline the issue
 * sets), measured in the same run, interleaved, one thread; also OpenCV's own full decode, the load
 * average before and after, and the process's peak resident memory.
 *
 * <p>djpeg runs as a child process, so its figure includes process start-up; that is measured on an
 * 8×8 JPEG in the same rounds and subtracted (both figures are printed).
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
    int threads = 1;
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
    Path tmp = Files.createTempDirectory("engine-bench");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      files.add(Files.write(tmp.resolve("phone-" + i + ".jpg"), phones.get(i)));
    }
    Mat dot = new Mat(8, 8, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(90));
    Path tiny = Files.write(tmp.resolve("tiny.jpg"), SyntheticPhotos.jpeg(dot, 90));
    // Peak memory is the worker's, not the set-up's (12 MP test photos made in memory): reset the
    // kernel's high-water mark here (Linux: "5" into clear_refs).
    boolean reset = resetPeakRss();
    PhotoEngine engine = PhotoEngine.load(1);
    SpecProfile profile = SpecProfile.defaultProfile();
    System.out.printf(
        "photo-engine benchmark: %d portraits as 3024x4032 JPEG (12.2 MP), %d rounds, OpenCV threads %d, %s%n",
        phones.size(), rounds, Core.getNumThreads(), Runtime.version());
    System.out.println("load average before: " + loadAverage());
    for (int w = 0; w < 3; w++) { // warm-up: JIT and first-use allocations
      for (int i = 0; i < phones.size(); i++) {
        decode(phones.get(i));
        djpeg(files.get(i));
        engine.standardize(phones.get(i), profile);
      }
    }
    double[] dec = new double[rounds * phones.size()];
    double[] dj = new double[rounds * phones.size()];
    double[] start = new double[rounds * phones.size()];
    double[] std = new double[rounds * phones.size()];
    int k = 0;
    int accepted = 0;
    java.util.Map<String, List<Double>> stages = new java.util.LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < phones.size(); i++) {
        byte[] b = phones.get(i);
        start[k] = djpeg(tiny);
        dj[k] = djpeg(files.get(i));
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
    double mDj = median(dj);
    double mStart = median(start);
    double djpeg = mDj - mStart;
    System.out.printf(
        "djpeg full decode (baseline): median %.1f ms (%.1f ms as measured, minus %.1f ms process start-up on an 8x8 JPEG)%n",
        djpeg, mDj, mStart);
    System.out.printf("OpenCV imdecode full decode:  median %.1f ms%n", mDec);
    System.out.printf(
        "standardize:                  median %.1f ms  (%.2f photos/s)%n", mStd, 1000 / mStd);
    System.out.printf(
        "ratio standardize/djpeg: %.2f (target <= 1.50); against djpeg with its start-up: %.2f%n",
        mStd / djpeg, mStd / mDj);
    System.out.printf("accepted %d of %d runs%n", accepted, k);
    StringBuilder sb = new StringBuilder("stage medians (ms):");
    stages.forEach(
        (key, v) ->
            sb.append(
                String.format(
                    " %s %.1f",
                    key.substring(2), median(v.stream().mapToDouble(d -> d).toArray()))));
    System.out.println(sb);
    System.out.println("load average after: " + loadAverage());
    System.out.println(
        "peak resident memory of the worker (VmHWM"
            + (reset ? ", reset after making the test photos" : ", whole process")
            + "): "
            + peakRss()
            + ", JVM max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB");
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    Files.deleteIfExists(tiny);
    Files.deleteIfExists(tmp);
  }

  /** Wall time of {@code djpeg -outfile /dev/null FILE}, in ms. */
  private static double djpeg(Path file) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder("djpeg", "-outfile", "/dev/null", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("djpeg failed on " + file + " (package libjpeg-turbo-progs)");
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static boolean resetPeakRss() {
    System.gc();
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7))
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
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
