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
    double[] png = new double[rounds * phones.size()];
    int k = 0;
    int accepted = 0;
    java.util.Map<String, List<Double>> stages = new java.util.LinkedHashMap<>();
    // CPU time as well as wall time: on a shared machine wall time includes waiting for a core,
    // CPU time (this thread's; djpeg's from the kernel's account of reaped children) much less so.
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStartup = 0;
    long cpuDjpeg = 0;
    long cpuStd = 0;
    long cpuPng = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < phones.size(); i++) {
        byte[] b = phones.get(i);
        long c0 = childrenCpuTicks();
        start[k] = djpeg(tiny);
        long c1 = childrenCpuTicks();
        dj[k] = djpeg(files.get(i));
        long c2 = childrenCpuTicks();
        cpuStartup += c1 - c0;
        cpuDjpeg += c2 - c1;
        long t0 = System.nanoTime();
        decode(b);
        long t1 = System.nanoTime();
        long s0 = cpu.getCurrentThreadCpuTime();
        Standardizer.Outcome res =
            engine.run(b, profile, java.util.Optional.empty(), profile.backgrounds().get(0));
        long t2 = System.nanoTime();
        long s1 = cpu.getCurrentThreadCpuTime();
        cpuStd += s1 - s0;
        // The cut-out's PNG is encoded when first asked for (a caller answers with the JPEG first).
        if (res.result().hasPhoto()) {
          res.result().cutoutPng();
        }
        png[k] = (System.nanoTime() - t2) / 1e6;
        cpuPng += cpu.getCurrentThreadCpuTime() - s1;
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
        "cut-out PNG, encoded after:   median %.1f ms  (not in standardize: asked for after the answer)%n",
        median(png));
    System.out.printf(
        "ratio standardize/djpeg: %.2f (target <= 1.50); against djpeg with its start-up: %.2f%n",
        mStd / djpeg, mStd / mDj);
    double tick = 1000.0 / 100; // USER_HZ: /proc times are in 1/100 s on Linux
    double cDj = (cpuDjpeg - cpuStartup) * tick / k;
    double cStd = cpuStd / 1e6 / k;
    System.out.printf(
        "CPU time per photo (means): djpeg %.1f ms (%.1f with start-up, %.1f start-up; 10 ms ticks"
            + " summed over %d runs), standardize %.1f ms, cut-out PNG %.1f ms%n",
        cDj, cpuDjpeg * tick / k, cpuStartup * tick / k, k, cStd, cpuPng / 1e6 / k);
    System.out.printf(
        "ratio by CPU time standardize/djpeg: %.2f (target <= 1.50; steadier than wall time on a"
            + " loaded machine)%n",
        cStd / cDj);
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

  /** User + system CPU time of this process's reaped children, in clock ticks (/proc/self/stat). */
  private static long childrenCpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name (which is in parentheses and may hold spaces).
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      // cutime and cstime are fields 16 and 17 of the line; here the list starts at field 3.
      return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
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
