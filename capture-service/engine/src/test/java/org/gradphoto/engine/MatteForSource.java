package org.gradphoto.engine;

import org.gradphoto.engine.vision.Vision;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** A person matte in a picture's own frame, for composing test pictures. */
final class MatteForSource {
  private MatteForSource() {}

  /** 8-bit alpha, same size as {@code bgr}. */
  static Mat of(Mat bgr) {
    Vision vision = new Vision(1);
    try (Vision.Models m = vision.borrow()) {
      Mat small = m.personMask(bgr);
      Mat full = new Mat();
      Imgproc.resize(small, full, bgr.size(), 0, 0, Imgproc.INTER_LINEAR);
      Mat out = new Mat();
      full.convertTo(out, CvType.CV_8U, 255);
      return out;
    }
  }
}
