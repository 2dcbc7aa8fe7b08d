package org.gradphoto.engine;

import java.util.Random;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Pictures with a known, hard-edged outline, for measuring the engine's matte. */
final class MatteFixtures {
  private MatteFixtures() {}

  /** Green that no portrait wears: whatever of it is left in a cut-out is old background. */
  static final Scalar GREEN = new Scalar(40, 200, 40);

  /** A wall about as dark as black clothes (luma ≈ 32), told apart only by its hue. */
  static final Scalar DARK_RED = new Scalar(10, 15, 75);

  static final Scalar MAGENTA = new Scalar(200, 30, 200);

  /** The portrait's person with a hard (binarised) outline over a plain colour. */
  static Mat crispOn(Mat portrait, Scalar colour) {
    Mat alpha = MatteForSource.of(portrait);
    Imgproc.threshold(alpha, alpha, 127, 255, Imgproc.THRESH_BINARY);
    return Fixtures.over(portrait, alpha, new Mat(portrait.size(), portrait.type(), colour));
  }

  /** A piece of shelf, in its own colour, floating beside the head without touching it. */
  static Mat withFragment(Mat picture, FaceMesh m) {
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    Mat out = picture.clone();
    double x = m.x()[FaceMesh.RIGHT_CHEEK] - 0.75 * fw;
    double y = m.y()[FaceMesh.FOREHEAD] - 0.1 * fw;
    Imgproc.rectangle(out, new Point(x, y), new Point(x + 0.18 * fw, y + 0.55 * fw), MAGENTA, -1);
    return out;
  }

  /** Where the two pompom earrings hang: below each ear lobe, beside the jaw. */
  static Point[] earrings(FaceMesh m) {
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    return new Point[] {
      new Point(m.x()[FaceMesh.RIGHT_CHEEK] - 0.03 * fw, m.y()[FaceMesh.RIGHT_CHEEK] + 0.36 * fw),
      new Point(m.x()[FaceMesh.LEFT_CHEEK] + 0.03 * fw, m.y()[FaceMesh.LEFT_CHEEK] + 0.36 * fw)
    };
  }

  static double earringRadius(FaceMesh m) {
    return 0.09 * m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
  }

  /**
   * White woollen pompoms hanging from the ear lobes on a white wall: a ball of wool, every pixel a
   * little different (fibres), a little darker towards its rim.
   */
  static Mat whiteEarrings(Mat onWhite, FaceMesh m) {
    Mat out = onWhite.clone();
    double r = earringRadius(m);
    Random rnd = new Random(3);
    for (Point c : earrings(m)) {
      for (int y = (int) (c.y - r); y <= (int) (c.y + r); y++) {
        for (int x = (int) (c.x - r); x <= (int) (c.x + r); x++) {
          double d = Math.hypot(x - c.x, y - c.y) / r;
          if (d <= 1 && y >= 0 && x >= 0 && y < out.rows() && x < out.cols()) {
            double v = 250 - 14 * d * d - rnd.nextInt(18);
            out.put(y, x, v, v, v + 1);
          }
        }
      }
    }
    return out;
  }
}
