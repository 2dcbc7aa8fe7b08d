package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Each defect made from a clean portrait yields its finding code. */
class DefectsTest {
  private static Mat clean;
  private static Mat cleanAlpha;

  @BeforeAll
  static void makeCleanPortrait() throws Exception {
    PhotoEngine.loadNative();
    clean = Fixtures.framed("idpass_3.jpg");
    cleanAlpha = null;
  }

  private record Case(
      String name, Supplier<byte[]> input, FindingCode expected, boolean rejected) {}

  @TestFactory
  Stream<DynamicTest> eachDefectIsReportedWithItsCode() {
    int faceX = clean.cols() / 2;
    List<Case> cases =
        List.of(
            new Case(
                "tilted 12°",
                () -> Fixtures.jpeg(Fixtures.tilted(clean, 12)),
                FindingCode.HEAD_TILTED,
                true),
            new Case(
                "blurred",
                () -> Fixtures.jpeg(Fixtures.blurred(clean, 4)),
                FindingCode.BLURRY,
                true),
            new Case(
                "darkened",
                () -> Fixtures.jpeg(Fixtures.exposed(clean, 0.25, 0)),
                FindingCode.UNDEREXPOSED,
                true),
            new Case(
                "over-exposed",
                () -> Fixtures.jpeg(Fixtures.exposed(clean, 1.9, 60)),
                FindingCode.OVEREXPOSED,
                true),
            new Case(
                "half the face shadowed",
                () -> Fixtures.jpeg(Fixtures.halfShadowed(clean, faceX, 0.6)),
                FindingCode.UNEVEN_LIGHTING,
                true),
            new Case(
                "downscaled to 150 px",
                () -> Fixtures.jpeg(Fixtures.resizedToWidth(clean, 150)),
                FindingCode.LOW_RESOLUTION,
                true),
            new Case(
                "top of the head cut off",
                () -> Fixtures.jpeg(Fixtures.cutFromTop(clean, 80)),
                FindingCode.HEAD_CUT_OFF,
                true),
            new Case(
                "two portraits side by side",
                () -> Fixtures.jpeg(Fixtures.sideBySide(clean, Fixtures.framed("idpass_1.jpg"))),
                FindingCode.MULTIPLE_FACES,
                true),
            new Case(
                "grey-scale",
                () -> Fixtures.jpeg(Fixtures.grey(clean)),
                FindingCode.NOT_COLOUR,
                true),
            new Case(
                "no person",
                () -> Fixtures.jpeg(Fixtures.image("astronaut.jpg").submat(0, 250, 330, 512)),
                FindingCode.NO_FACE,
                true),
            new Case(
                "cluttered background",
                () -> Fixtures.jpeg(Fixtures.overClutter(clean, alpha())),
                FindingCode.BACKGROUND_CLUTTERED,
                false),
            new Case(
                "clothing in the background colour",
                () ->
                    Fixtures.jpeg(
                        Fixtures.clothingColoured(
                            clean, alpha(), (int) (clean.rows() * 0.6), new Scalar(255, 197, 100))),
                FindingCode.CLOTHING_MATCHES_BACKGROUND,
                true));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name() + " → " + c.expected(),
                    () -> {
                      Standardizer.Outcome o = EngineSupport.run(c.input().get());
                      Report r = o.result().report();
                      String why =
                          c.name()
                              + ": "
                              + r.findings().stream().map(Finding::code).toList()
                              + " "
                              + o.metrics();
                      assertTrue(r.has(c.expected()), why);
                      if (c.rejected()) {
                        assertFalse(r.accepted(), why);
                      }
                    }));
  }

  /** The clean portrait's matte, in its own frame, from the engine's cut-out mapped back. */
  private static synchronized Mat alpha() {
    if (cleanAlpha == null) {
      cleanAlpha = MatteForSource.of(clean);
    }
    return cleanAlpha;
  }

  @SuppressWarnings("unused")
  private static Mat decode(byte[] b) {
    return Imgcodecs.imdecode(new MatOfByte(b), Imgcodecs.IMREAD_UNCHANGED);
  }
}
