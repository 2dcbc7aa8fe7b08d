package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyAndCliTest {
  @Test
  void concurrentCallsGiveTheSameBytesAsOneAtATime() throws Exception {
    PhotoEngine.loadNative();
    byte[] a = Fixtures.jpeg(Fixtures.framed("idpass_1.jpg"));
    byte[] b = Fixtures.jpeg(Fixtures.framed("idpass_4.jpg"));
    PhotoEngine engine = EngineSupport.engine();
    SpecProfile p = SpecProfile.defaultProfile();
    byte[] soloA = engine.standardize(a, p).jpeg();
    byte[] soloB = engine.standardize(b, p).jpeg();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<byte[]>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] in = i % 2 == 0 ? a : b;
        runs.add(pool.submit(() -> engine.standardize(in, p).jpeg()));
      }
      for (int i = 0; i < runs.size(); i++) {
        assertArrayEquals(i % 2 == 0 ? soloA : soloB, runs.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theCliWritesJpegPngAndJsonPerInputAndExitsZeroEvenForRejects(@TempDir Path dir)
      throws Exception {
    PhotoEngine.loadNative();
    Path good = dir.resolve("student-a.jpg");
    Files.write(good, Fixtures.jpeg(Fixtures.framed("idpass_3.jpg")));
    Path pdf = dir.resolve("scan.jpg");
    Files.write(pdf, Fixtures.pdf());
    Path out = dir.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new String[] {
              "--profile",
              "chsi-graduation",
              "--out",
              out.toString(),
              good.toString(),
              pdf.toString()
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, code);
    assertTrue(Files.size(out.resolve("student-a.jpg")) > 20_000);
    assertTrue(Files.exists(out.resolve("student-a.png")));
    Report r = Reports.fromJson(Files.readString(out.resolve("student-a.json")));
    assertTrue(r.accepted(), r.findings()::toString);
    assertTrue(Files.readString(out.resolve("scan.json")).contains("UNSUPPORTED_FORMAT"));
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("student-a.jpg: ACCEPTED"), printed);
    assertTrue(printed.contains("scan.jpg: INPUT_REJECTED"), printed);
  }

  @Test
  void theCliExitsNonZeroOnUsageErrors() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, Cli.run(new String[] {"--out"}, quiet, quiet));
    assertEquals(
        2, Cli.run(new String[] {"--profile", "nope", "--out", "/tmp/x", "a.jpg"}, quiet, quiet));
  }
}
