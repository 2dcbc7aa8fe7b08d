package org.gradphoto.engine;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * On a plain wall, how much of the person's outline is in the wall's own colour (a white dress on a
 * white wall, black hair on a black door). There the matte's edge is the person model's guess: no
 * colour tells the two apart. Unlike the busy-background measure this one asks for solid person
 * pixels next to each outline pixel, so the model's wide ramp where the photo's edge is clear (hair
 * before green) does not count.
 */
final class PlainWallSeparation {
  private PlainWallSeparation() {}

  /** Window (output px) over which the person's local colour is averaged. */
  private static final int WINDOW = 19;

  /**
   * Share of the outline (alpha 0.3–0.7, with solid person pixels within the window) whose local
   * person colour lies within {@link Compositor#MIN_SEPARATION} (RGB) of the wall's mean colour; 0
   * when the outline or the wall is too small to say.
   *
   * @param bgr output-size photo (8-bit BGR)
   * @param alpha the matte (CV_32F)
   * @param valid output pixels whose source exists
   */
  static double outlineInWallColour(Mat bgr, Mat alpha, Rect valid) {
    Mat wall = Standardizer.sureBackground(alpha, valid);
    Mat sure = new Mat();
    Imgproc.threshold(alpha, sure, 0.97, 1, Imgproc.THRESH_BINARY);
    Imgproc.erode(sure, sure, FaceRegions.disc(5));
    Mat edge = new Mat();
    Core.inRange(alpha, new Scalar(0.3), new Scalar(0.7), edge);
    Mat inside = Mat.zeros(alpha.size(), CvType.CV_8U);
    inside.submat(valid).setTo(new Scalar(255));
    Core.bitwise_and(edge, inside, edge);
    double result = 0;
    if (Core.countNonZero(wall) >= 200) {
      Scalar w = Core.mean(bgr, wall);
      // Local person colour: mean of solid person pixels in the window, where there are some.
      Mat img = new Mat();
      bgr.convertTo(img, CvType.CV_32FC3);
      Mat person = Compositor.localMean(img, sure, WINDOW);
      Mat den = new Mat();
      Imgproc.blur(sure, den, new Size(WINDOW, WINDOW));
      Mat supported = new Mat();
      Imgproc.threshold(den, supported, 0.05, 255, Imgproc.THRESH_BINARY);
      supported.convertTo(supported, CvType.CV_8U);
      Core.bitwise_and(edge, supported, edge);
      // Squared distance of that colour from the wall's.
      Core.subtract(person, new Scalar(w.val[0], w.val[1], w.val[2]), person);
      Core.multiply(person, person, person);
      Mat ones = new Mat(1, 3, CvType.CV_32F, new Scalar(1));
      Mat d2 = new Mat();
      Core.transform(person, d2, ones);
      Mat alike = new Mat();
      double m = Compositor.MIN_SEPARATION;
      Core.inRange(d2, new Scalar(-1), new Scalar(m * m), alike);
      Core.bitwise_and(alike, edge, alike);
      double n = Core.countNonZero(edge);
      result = n < Thresholds.MIN_HEAD_OUTLINE_PX ? 0 : Core.countNonZero(alike) / n;
      for (Mat x : List.of(img, person, den, supported, ones, d2, alike)) {
        x.release();
      }
    }
    for (Mat x : List.of(wall, inside, sure, edge)) {
      x.release();
    }
    return result;
  }
}
