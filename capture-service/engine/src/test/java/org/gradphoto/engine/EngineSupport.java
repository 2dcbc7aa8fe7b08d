package org.gradphoto.engine;

import java.util.List;
import java.util.Optional;

/** One engine for all test classes: loading models once keeps the suite fast. */
final class EngineSupport {
  private static PhotoEngine engine;

  private EngineSupport() {}

  static synchronized PhotoEngine engine() {
    if (engine == null) {
      engine = PhotoEngine.load(2);
    }
    return engine;
  }

  /** A generated defect and the finding it must raise. */
  record DefectCase(
      String name,
      java.util.function.Supplier<byte[]> input,
      FindingCode expected,
      boolean rejected) {}

  /** One dynamic test per case: the finding is reported (and the photo refused when asked). */
  static java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> asTests(
      List<DefectCase> cases) {
    return cases.stream()
        .map(
            c ->
                org.junit.jupiter.api.DynamicTest.dynamicTest(
                    c.name() + " → " + c.expected(),
                    () -> assertReported(c.name(), c.input().get(), c.expected(), c.rejected())));
  }

  /** Standardizes and checks that {@code expected} is reported (and the photo refused). */
  static void assertReported(String name, byte[] input, FindingCode expected, boolean rejected)
      throws InputRejectedException {
    Standardizer.Outcome o = run(input);
    Report r = o.result().report();
    String why =
        name + ": " + r.findings().stream().map(PhotoFinding::code).toList() + " " + o.metrics();
    org.junit.jupiter.api.Assertions.assertTrue(r.has(expected), why);
    if (rejected) {
      org.junit.jupiter.api.Assertions.assertFalse(r.accepted(), why);
    }
  }

  static Standardizer.Outcome run(byte[] input) throws InputRejectedException {
    SpecProfile p = SpecProfile.defaultProfile();
    return engine().run(input, p, Optional.empty(), p.backgrounds().get(0));
  }
}
