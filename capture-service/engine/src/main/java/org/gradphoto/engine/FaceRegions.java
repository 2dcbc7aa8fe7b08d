package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Areas of the face drawn from the face-mesh points, as 8-bit masks in output pixels. */
final class FaceRegions {
  private FaceRegions() {}

  // MediaPipe face-mesh contours (canonical indices), each in drawing order.
  static final int[] FACE_OVAL = {
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
    148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109
  };
  static final int[] RIGHT_EYE = {
    33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7
  };
  static final int[] LEFT_EYE = {
    263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249
  };
  static final int[] RIGHT_BROW = {70, 63, 105, 66, 107, 55, 65, 52, 53, 46};
  static final int[] LEFT_BROW = {300, 293, 334, 296, 336, 285, 295, 282, 283, 276};
  static final int[] LIPS = {
    61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146
  };

  /**
   * Skin of the face: inside the face outline (pulled in from its edge, where background mixes in),
   * from half-way up the forehead (higher up, fringes of hair are common) down to the chin, without
   * eyes, brows and lips.
   */
  static Mat skin(FaceMesh m, Size size) {
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    int erode = Math.max(3, (int) Math.round(0.08 * fw)) | 1;
    int dilate = Math.max(3, (int) Math.round(0.05 * fw)) | 1;
    Mat mask = Mat.zeros(size, CvType.CV_8U);
    // Drawn and eroded on the face's own box (with room for the kernels), not the whole frame.
    Rect box = pad(outline(m, FACE_OVAL), Math.max(erode, dilate) + 2, size);
    if (box.width < 1 || box.height < 1) {
      return mask;
    }
    Point offset = new Point(-box.x, -box.y);
    Mat face = mask.submat(box);
    fill(face, m, FACE_OVAL, 255, offset);
    Imgproc.erode(face, face, disc(erode));
    double browY = (m.y()[105] + m.y()[334]) / 2;
    double topY = m.y()[FaceMesh.FOREHEAD];
    int cutRow = (int) Math.round(Math.max(0, (browY + topY) / 2)) - box.y;
    if (cutRow > 0) {
      face.submat(0, Math.min(cutRow, face.rows()), 0, face.cols()).setTo(new Scalar(0));
    }
    Mat features = Mat.zeros(face.size(), CvType.CV_8U);
    for (int[] c : new int[][] {RIGHT_EYE, LEFT_EYE, RIGHT_BROW, LEFT_BROW, LIPS}) {
      fill(features, m, c, 255, offset);
    }
    Imgproc.dilate(features, features, disc(dilate));
    Core.subtract(face, features, face);
    features.release();
    face.release();
    return mask;
  }

  /** Integer bounding box of some mesh points. */
  private static Rect outline(FaceMesh m, int[] contour) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (int i : contour) {
      x0 = Math.min(x0, m.x()[i]);
      y0 = Math.min(y0, m.y()[i]);
      x1 = Math.max(x1, m.x()[i]);
      y1 = Math.max(y1, m.y()[i]);
    }
    int ix0 = (int) Math.floor(x0);
    int iy0 = (int) Math.floor(y0);
    return new Rect(ix0, iy0, (int) Math.ceil(x1) - ix0 + 1, (int) Math.ceil(y1) - iy0 + 1);
  }

  /** {@code r} grown by {@code by} on every side, clipped to an image of {@code size}. */
  static Rect pad(Rect r, int by, Size size) {
    int x0 = Math.max(0, r.x - by);
    int y0 = Math.max(0, r.y - by);
    int x1 = Math.min((int) size.width, r.x + r.width + by);
    int y1 = Math.min((int) size.height, r.y + r.height + by);
    return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }

  /**
   * Bounding box of a mask's set pixels grown by {@code by} (clipped); the whole mask when none is
   * set.
   */
  static Rect bounds(Mat mask, int by) {
    Rect r = Imgproc.boundingRect(mask);
    if (r.width < 1 || r.height < 1) {
      return new Rect(0, 0, mask.cols(), mask.rows());
    }
    return pad(r, by, mask.size());
  }

  /** A box around one eye, with room for a spectacle lens: {@code right} is the subject's right. */
  static Rect lensBox(FaceMesh m, boolean right, Size size) {
    int outer = right ? FaceMesh.RIGHT_EYE_OUTER : FaceMesh.LEFT_EYE_OUTER;
    int inner = right ? FaceMesh.RIGHT_EYE_INNER : FaceMesh.LEFT_EYE_INNER;
    double w = m.distance(outer, inner);
    Point c = m.mid(outer, inner);
    int x0 = (int) Math.round(c.x - 0.85 * w);
    int y0 = (int) Math.round(c.y - 0.6 * w);
    int x1 = (int) Math.round(c.x + 0.85 * w);
    int y1 = (int) Math.round(c.y + 0.6 * w);
    int cx0 = Math.max(0, Math.min((int) size.width - 1, x0));
    int cy0 = Math.max(0, Math.min((int) size.height - 1, y0));
    int cx1 = Math.max(cx0 + 1, Math.min((int) size.width, x1));
    int cy1 = Math.max(cy0 + 1, Math.min((int) size.height, y1));
    return new Rect(cx0, cy0, cx1 - cx0, cy1 - cy0);
  }

  static void fill(Mat mask, FaceMesh m, int[] contour, double value) {
    fill(mask, m, contour, value, new Point(0, 0));
  }

  /** Fills the polygon of mesh points, shifted by {@code offset} (whole pixels). */
  static void fill(Mat mask, FaceMesh m, int[] contour, double value, Point offset) {
    List<Point> pts = new ArrayList<>(contour.length);
    for (int i : contour) {
      pts.add(new Point(m.x()[i] + offset.x, m.y()[i] + offset.y));
    }
    MatOfPoint poly = new MatOfPoint();
    poly.fromList(pts);
    Imgproc.fillPoly(mask, List.of(poly), new Scalar(value));
    poly.release();
  }

  static Mat disc(int diameter) {
    return Imgproc.getStructuringElement(
        Imgproc.MORPH_ELLIPSE, new Size(diameter | 1, diameter | 1));
  }
}
