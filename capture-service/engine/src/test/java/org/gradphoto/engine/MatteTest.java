package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradphoto.engine.vision.FaceMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The cut-out at output resolution: hard outlines stay hard, nothing of the old background stays,
 * nothing of the subject goes.
 */
class MatteTest {
  private static final SpecProfile SPEC = SpecProfile.defaultProfile();

  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  @ParameterizedTest
  @CsvSource({"idpass_1.jpg,green", "idpass_3.jpg,green", "idpass_1.jpg,dark", "idpass_3.jpg,dark"})
  void aHardOutlineOnClothesAndShouldersStaysOneToThreePixelsWide(String name, String wall)
      throws Exception {
    // "dark": a wall as dark as the black clothes, only its hue differs (grey levels alone do
    // not show that edge).
    Scalar colour = wall.equals("dark") ? MatteFixtures.DARK_RED : MatteFixtures.GREEN;
    Mat picture = MatteFixtures.crispOn(Fixtures.framed(name), colour);
    StandardizeResult r = EngineSupport.engine().standardize(Fixtures.jpeg(picture), SPEC);
    Mat alpha = MatteMeasures.alpha(MatteMeasures.bgra(r.cutoutPng()));
    Geometry g = r.report().geometry();
    int belowChin = (int) Math.round(g.eyeLinePx() + 0.9 * g.faceWidthPx());
    double width = MatteMeasures.edgeWidth(alpha, belowChin);
    System.out.printf("%s on %s: edge width %.2f px%n", name, wall, width);
    assertTrue(width <= 3.0, () -> name + ": outline " + width + " px wide");
  }

  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg", "idpass_3.jpg"})
  void noOldBackgroundIsKeptInsideTheOutlineNorAsAFloatingFragment(String name) throws Exception {
    Mat clean = Fixtures.framed(name);
    Mat picture = MatteFixtures.crispOn(clean, MatteFixtures.GREEN);
    FaceMesh m = LightingFixtures.mesh(picture);
    StandardizeResult r =
        EngineSupport.engine()
            .standardize(Fixtures.jpeg(MatteFixtures.withFragment(picture, m)), SPEC);
    Mat cut = MatteMeasures.bgra(r.cutoutPng());
    double green = MatteMeasures.leftover(cut, MatteFixtures.GREEN, 40);
    double shelf = MatteMeasures.leftover(cut, MatteFixtures.MAGENTA, 40);
    System.out.printf("%s leftover green %.5f magenta %.5f%n", name, green, shelf);
    assertTrue(green < 0.002, () -> name + ": old background in " + green + " of the person");
    assertTrue(shelf == 0, () -> name + ": floating fragment kept, " + shelf);
  }

  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg", "idpass_3.jpg"})
  void whiteEarringsOnAWhiteWallAreKeptNotPaintedBlue(String name) throws Exception {
    Mat white = MatteFixtures.crispOn(Fixtures.framed(name), new Scalar(250, 250, 250));
    FaceMesh m = LightingFixtures.mesh(white);
    Mat withEarrings = MatteFixtures.whiteEarrings(white, m);
    StandardizeResult bare = EngineSupport.engine().standardize(Fixtures.jpeg(white), SPEC);
    StandardizeResult worn = EngineSupport.engine().standardize(Fixtures.jpeg(withEarrings), SPEC);
    double scale = worn.report().geometry().faceWidthPx() / m.distance(234, 454);
    double expected = 2 * Math.PI * Math.pow(MatteFixtures.earringRadius(m) * scale, 2);
    double extraWhite = whitePixels(worn.jpeg()) - whitePixels(bare.jpeg());
    System.out.printf("%s earrings: %.0f of %.0f px white%n", name, extraWhite, expected);
    assertTrue(
        extraWhite >= 0.6 * expected,
        () -> name + ": earrings " + extraWhite + " px of " + expected + " kept white");
  }

  private static double whitePixels(byte[] jpeg) {
    Mat img = OutputSpecTest.decode(jpeg);
    Mat white = new Mat();
    Core.inRange(img, new Scalar(215, 215, 215), new Scalar(255, 255, 255), white);
    Imgproc.erode(white, white, FaceRegions.disc(1));
    return Core.countNonZero(white);
  }
}
