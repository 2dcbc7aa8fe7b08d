package org.gradphoto.engine;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Measures of a cut-out's matte, read from the PNG the engine wrote. */
final class MatteMeasures {
  private MatteMeasures() {}

  static Mat bgra(byte[] png) {
    return Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
  }

  static Mat alpha(Mat bgra) {
    Mat a = new Mat();
    Core.extractChannel(bgra, a, 3);
    return a;
  }

  /**
   * Mean width in pixels of the outline's transition from rows {@code fromRow} down: the number of
   * pixels with 10 % &lt; alpha &lt; 90 % over the length of the 50 % contour there. A hard edge
   * resampled gives 1–2; a blurred, upscaled mask gives its blur.
   */
  static double edgeWidth(Mat alpha8, int fromRow) {
    Mat a = alpha8.submat(fromRow, alpha8.rows(), 0, alpha8.cols());
    Mat lo = new Mat();
    Mat hi = new Mat();
    Imgproc.threshold(a, lo, 0.1 * 255, 255, Imgproc.THRESH_BINARY);
    Imgproc.threshold(a, hi, 0.9 * 255, 255, Imgproc.THRESH_BINARY_INV);
    Mat ramp = new Mat();
    Core.bitwise_and(lo, hi, ramp);
    double rampPx = Core.countNonZero(ramp);
    Mat half = new Mat();
    Imgproc.threshold(a, half, 127, 255, Imgproc.THRESH_BINARY);
    List<MatOfPoint> contours = new java.util.ArrayList<>();
    Imgproc.findContours(
        half, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
    double length = 0;
    for (MatOfPoint c : contours) {
      // Only the outline inside the picture: the frame's own edges are not an edge of the matte.
      for (org.opencv.core.Point p : c.toArray()) {
        if (p.x > 0 && p.x < a.cols() - 1 && p.y < a.rows() - 1 && p.y > 0) {
          length++;
        }
      }
    }
    return rampPx / Math.max(1, length);
  }

  /**
   * Share of the person (alpha ≥ 50 %) whose colour in the cut-out is within {@code tolerance} (max
   * channel difference) of a background colour that the subject does not wear: old background kept
   * inside the outline.
   */
  static double leftover(Mat bgra, Scalar bgr, double tolerance) {
    Mat a = alpha(bgra);
    Mat person = new Mat();
    Imgproc.threshold(a, person, 127, 255, Imgproc.THRESH_BINARY);
    Mat rgb = new Mat();
    Imgproc.cvtColor(bgra, rgb, Imgproc.COLOR_BGRA2BGR);
    Mat near = new Mat();
    Core.inRange(
        rgb,
        new Scalar(bgr.val[0] - tolerance, bgr.val[1] - tolerance, bgr.val[2] - tolerance),
        new Scalar(bgr.val[0] + tolerance, bgr.val[1] + tolerance, bgr.val[2] + tolerance),
        near);
    Core.bitwise_and(near, person, near);
    return Core.countNonZero(near) / (double) Math.max(1, Core.countNonZero(person));
  }

  /** Share of the pixels set in {@code where} (8-bit, output frame) that the matte keeps. */
  static double kept(Mat alpha8, Mat where) {
    Mat person = new Mat();
    Imgproc.threshold(alpha8, person, 127, 255, Imgproc.THRESH_BINARY);
    Mat in = new Mat();
    Core.bitwise_and(person, where, in);
    return Core.countNonZero(in) / (double) Math.max(1, Core.countNonZero(where));
  }

  static Mat binary(Mat alpha8) {
    Mat b = new Mat();
    Imgproc.threshold(alpha8, b, 127, 255, Imgproc.THRESH_BINARY);
    b.convertTo(b, CvType.CV_8U);
    return b;
  }
}
