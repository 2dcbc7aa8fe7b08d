package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gradphoto.engine.vision.FaceMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Where the head cannot be told from a busy background behind it, the engine says so (stand before
 * a plain wall) instead of handing over a guessed outline; where it can, it says nothing.
 */
class SeparationTest {
  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  /** Mean colour of the person's head above the brows: the hair. */
  static Scalar hairColour(Mat portrait, Mat alpha8) {
    FaceMesh m = LightingFixtures.mesh(portrait);
    int brows = (int) Math.round(Math.min(m.y()[105], m.y()[334]));
    Mat solid = new Mat();
    Imgproc.threshold(alpha8, solid, 200, 255, Imgproc.THRESH_BINARY);
    solid.submat(brows, solid.rows(), 0, solid.cols()).setTo(new Scalar(0));
    return Core.mean(portrait, solid);
  }

  /**
   * A shelf of books in the hair's own shades behind the person: busy (edges everywhere), and
   * beside the hair mostly the hair's colour.
   */
  static Mat hairColouredShelf(Mat portrait, Mat alpha8) {
    Scalar hair = hairColour(portrait, alpha8);
    Mat shelf = new Mat(portrait.size(), CvType.CV_8UC3, hair);
    Random r = new Random(11);
    int x = 0;
    while (x < shelf.cols()) {
      int w = 6 + r.nextInt(14);
      double k = 0.75 + 0.5 * r.nextDouble();
      Scalar c = new Scalar(hair.val[0] * k, hair.val[1] * k, hair.val[2] * k);
      Imgproc.rectangle(shelf, new Point(x, 0), new Point(x + w - 2, shelf.rows()), c, -1);
      x += w;
    }
    for (int y = 0; y < shelf.rows(); y += 90) {
      Imgproc.line(shelf, new Point(0, y), new Point(shelf.cols(), y), new Scalar(20, 20, 20), 3);
    }
    return Fixtures.over(portrait, alpha8, shelf);
  }

  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg", "idpass_3.jpg", "idpass_4.jpg"})
  void aBusyBackgroundInTheHairsOwnShadesIsReportedAsNotSeparable(String name) throws Exception {
    Mat portrait = Fixtures.framed(name);
    Mat alpha8 = MatteForSource.of(portrait);
    Standardizer.Outcome o = EngineSupport.run(Fixtures.jpeg(hairColouredShelf(portrait, alpha8)));
    Report r = o.result().report();
    System.out.printf(
        "%s before a hair-coloured shelf: head outline alike %.3f, texture %.2f%n",
        name, o.metrics().get("headOutlineAlike"), o.metrics().get("backgroundTexture"));
    assertTrue(r.has(FindingCode.SUBJECT_NOT_SEPARABLE), () -> name + " " + o.metrics());
    assertFalse(r.accepted());
    PhotoFinding f =
        r.findings().stream()
            .filter(x -> x.code() == FindingCode.SUBJECT_NOT_SEPARABLE)
            .findFirst()
            .orElseThrow();
    assertTrue(f.message().contains("纯色墙前重拍"), f.message());
    // Not a hard error: the student still sees the photo and every other reason.
    assertTrue(o.result().hasPhoto());
  }

  /** Mean colour of the solid person below the chin: the clothes. */
  static Scalar clothesColour(Mat portrait, Mat alpha8) {
    FaceMesh m = LightingFixtures.mesh(portrait);
    int chin = (int) Math.round(m.y()[152]) + 10;
    Mat solid = new Mat();
    Imgproc.threshold(alpha8, solid, 200, 255, Imgproc.THRESH_BINARY);
    solid.submat(0, Math.min(chin, solid.rows()), 0, solid.cols()).setTo(new Scalar(0));
    return Core.mean(portrait, solid);
  }

  /**
   * idpass_1's hair and clothes are both near black: on a wall of that colour most of its outline
   * is a guess (0.78). idpass_3 and idpass_4 keep hair unlike their clothes, so only a part of the
   * outline is alike (0.18, 0.31) and the cautious threshold (0.35) stays silent for them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg"})
  void aPlainWallInTheClothesOwnColourIsReportedAsNotSeparable(String name) throws Exception {
    Mat portrait = Fixtures.framed(name);
    Mat alpha8 = MatteForSource.of(portrait);
    Scalar clothes = clothesColour(portrait, alpha8);
    Standardizer.Outcome o =
        EngineSupport.run(Fixtures.jpeg(MatteFixtures.crispOn(portrait, clothes)));
    System.out.printf(
        "%s on a wall of its clothes' colour %s: outline in wall colour %.3f, texture %.2f%n",
        name,
        clothes,
        o.metrics().get("outlineInWallColour"),
        o.metrics().get("backgroundTexture"));
    assertTrue(
        o.result().report().has(FindingCode.SUBJECT_NOT_SEPARABLE), () -> name + o.metrics());
  }

  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg", "idpass_3.jpg", "idpass_4.jpg"})
  void theSamePortraitOnAPlainWallOrBeforeBrightClutterIsNot(String name) throws Exception {
    Mat portrait = Fixtures.framed(name);
    Mat alpha8 = MatteForSource.of(portrait);
    for (Mat picture :
        new Mat[] {
          MatteFixtures.crispOn(portrait, MatteFixtures.GREEN),
          Fixtures.overClutter(portrait, alpha8)
        }) {
      Standardizer.Outcome o = EngineSupport.run(Fixtures.jpeg(picture));
      System.out.printf(
          "%s: head outline alike %.3f, texture %.2f%n",
          name, o.metrics().get("headOutlineAlike"), o.metrics().get("backgroundTexture"));
      assertFalse(
          o.result().report().has(FindingCode.SUBJECT_NOT_SEPARABLE), () -> name + o.metrics());
    }
  }
}
