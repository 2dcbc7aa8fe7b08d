package org.gradphoto.engine;

import java.util.List;
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

  @TestFactory
  Stream<DynamicTest> eachDefectIsReportedWithItsCode() {
    int faceX = clean.cols() / 2;
    List<EngineSupport.DefectCase> cases =
        List.of(
            new EngineSupport.DefectCase(
                "tilted 12°",
                () -> Fixtures.jpeg(Fixtures.tilted(clean, 12)),
                FindingCode.HEAD_TILTED,
                true),
            new EngineSupport.DefectCase(
                "blurred",
                () -> Fixtures.jpeg(Fixtures.blurred(clean, 4)),
                FindingCode.BLURRY,
                true),
            new EngineSupport.DefectCase(
                "darkened",
                () -> Fixtures.jpeg(Fixtures.exposed(clean, 0.25, 0)),
                FindingCode.UNDEREXPOSED,
                true),
            new EngineSupport.DefectCase(
                "over-exposed",
                () -> Fixtures.jpeg(Fixtures.exposed(clean, 1.9, 60)),
                FindingCode.OVEREXPOSED,
                true),
            new EngineSupport.DefectCase(
                "half the face shadowed",
                () -> Fixtures.jpeg(Fixtures.halfShadowed(clean, faceX, 0.6)),
                FindingCode.UNEVEN_LIGHTING,
                true),
            new EngineSupport.DefectCase(
                "downscaled to 150 px",
                () -> Fixtures.jpeg(Fixtures.resizedToWidth(clean, 150)),
                FindingCode.LOW_RESOLUTION,
                true),
            new EngineSupport.DefectCase(
                "top of the head cut off",
                () -> Fixtures.jpeg(Fixtures.cutFromTop(clean, 80)),
                FindingCode.HEAD_CUT_OFF,
                true),
            new EngineSupport.DefectCase(
                "two portraits side by side",
                () -> Fixtures.jpeg(Fixtures.sideBySide(clean, Fixtures.framed("idpass_1.jpg"))),
                FindingCode.MULTIPLE_FACES,
                true),
            new EngineSupport.DefectCase(
                "grey-scale",
                () -> Fixtures.jpeg(Fixtures.grey(clean)),
                FindingCode.NOT_COLOUR,
                true),
            new EngineSupport.DefectCase(
                "no person",
                () -> Fixtures.jpeg(Fixtures.image("astronaut.jpg").submat(0, 250, 330, 512)),
                FindingCode.NO_FACE,
                true),
            new EngineSupport.DefectCase(
                "cluttered background",
                () -> Fixtures.jpeg(Fixtures.overClutter(clean, alpha())),
                FindingCode.BACKGROUND_CLUTTERED,
                false),
            new EngineSupport.DefectCase(
                "clothing in the background colour",
                () ->
                    Fixtures.jpeg(
                        Fixtures.clothingColoured(
                            clean, alpha(), (int) (clean.rows() * 0.6), new Scalar(255, 197, 100))),
                FindingCode.CLOTHING_MATCHES_BACKGROUND,
                true));
    return EngineSupport.asTests(cases);
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
