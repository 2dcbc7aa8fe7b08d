package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradphoto.engine.vision.FaceMesh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** The connected-component clean-up on a matte drawn by hand. */
class MatteCleanupTest {
  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  @Test
  void aFragmentApartFromThePersonGoesAndThePersonAndItsBodyStay() {
    Mat alpha = Mat.zeros(640, 480, CvType.CV_32F);
    Imgproc.circle(alpha, new Point(240, 250), 110, new Scalar(1), -1); // head
    Imgproc.rectangle(alpha, new Point(60, 560), new Point(420, 640), new Scalar(1), -1); // body
    Imgproc.rectangle(alpha, new Point(20, 60), new Point(60, 200), new Scalar(1), -1); // shelf
    double[] x = new double[468];
    double[] y = new double[468];
    x[FaceMesh.NOSE_TIP] = 240;
    y[FaceMesh.NOSE_TIP] = 260;
    MatteCleanup.keepConnectedToPerson(alpha, new FaceMesh(x, y, new double[468], 1));
    assertEquals(0, alpha.get(130, 40)[0], "shelf fragment");
    assertEquals(1, alpha.get(250, 240)[0], "head");
    assertEquals(1, alpha.get(600, 240)[0], "body reaching the bottom edge");
  }
}
