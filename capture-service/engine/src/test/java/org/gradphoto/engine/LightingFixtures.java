package org.gradphoto.engine;

import java.util.List;
import java.util.Random;
import org.gradphoto.engine.vision.FaceBox;
import org.gradphoto.engine.vision.FaceMesh;
import org.gradphoto.engine.vision.Vision;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Lighting, glare, eye and background defects generated from a clean portrait, placed with the
 * face-mesh points the engine itself would find.
 */
final class LightingFixtures {
  private LightingFixtures() {}

  /** The face mesh of the main face of a picture, in its own pixels. */
  static FaceMesh mesh(Mat bgr) {
    Vision vision = new Vision(1);
    try (Vision.Models m = vision.borrow()) {
      List<FaceBox> faces = m.detectFaces(bgr);
      FaceBox main =
          faces.stream().max((a, b) -> Double.compare(a.box().area(), b.box().area())).get();
      return m.landmarks(bgr, main);
    }
  }

  /** Tone curve 255·(v/255)^gamma on every channel: gamma 3 darkens, 0.25 brightens. */
  static Mat gamma(Mat img, double gamma) {
    Mat lut = new Mat(1, 256, CvType.CV_8U);
    byte[] t = new byte[256];
    for (int i = 0; i < 256; i++) {
      t[i] = (byte) Math.round(255 * Math.pow(i / 255.0, gamma));
    }
    lut.put(0, 0, t);
    Mat out = new Mat();
    Core.LUT(img, lut, out);
    return out;
  }

  /** Shapes of a hard shadow laid over a given share of the face's box. */
  enum Shadow {
    TOP_BAND,
    DIAGONAL,
    CHEEK_BLOB,
    SIDE
  }

  /**
   * A hard-edged shadow (light times {@code keep}) over about {@code share} of the face's box,
   * shaped as asked; the edge is 2 px soft, as a shadow of a hat brim or a window frame.
   */
  static Mat shadowed(Mat img, Shadow shape, double share, double keep) {
    FaceMesh m = mesh(img);
    double[] b = m.bounds();
    double x0 = b[0];
    double y0 = b[1];
    double w = b[2] - b[0];
    double h = b[3] - b[1];
    Mat mask = Mat.zeros(img.size(), CvType.CV_8U);
    switch (shape) {
      case TOP_BAND ->
          Imgproc.rectangle(
              mask, new Point(0, 0), new Point(img.cols(), y0 + share * h), new Scalar(255), -1);
      case SIDE ->
          Imgproc.rectangle(
              mask, new Point(0, 0), new Point(x0 + share * w, img.rows()), new Scalar(255), -1);
      case DIAGONAL -> {
        // Half-plane x + y < c through the box's upper left corner, c so that the corner
        // triangle holds `share` of the box (for share ≤ ½: legs √(2·share)·w and ·h).
        double k = Math.sqrt(2 * share);
        MatOfPoint tri =
            new MatOfPoint(
                new Point(x0 - w, y0 - h),
                new Point(x0 + k * w + w * k, y0 - h),
                new Point(x0 - w, y0 + k * h + h * k));
        Imgproc.fillPoly(mask, List.of(tri), new Scalar(255));
      }
      case CHEEK_BLOB -> {
        // An ellipse on the subject's right cheek and nose, area share·w·h.
        double a = Math.sqrt(share * w * h / Math.PI) * 1.1;
        Imgproc.ellipse(
            mask,
            new Point(x0 + 0.3 * w, y0 + 0.6 * h),
            new Size(a, a / 1.21),
            20,
            0,
            360,
            new Scalar(255),
            -1);
      }
    }
    return darkenWhere(img, mask, keep);
  }

  private static Mat darkenWhere(Mat img, Mat mask8, double keep) {
    Mat f = new Mat();
    mask8.convertTo(f, CvType.CV_32F, 1 / 255.0);
    Imgproc.GaussianBlur(f, f, new Size(0, 0), 1.0);
    Mat gain = new Mat();
    Core.multiply(f, new Scalar(keep - 1), gain);
    Core.add(gain, new Scalar(1), gain);
    return Fixtures.lit(img, gain);
  }

  /** A white reflection on the subject's right spectacle lens, over the eye. */
  static Mat lensGlare(Mat img) {
    FaceMesh m = mesh(img);
    double ew = m.distance(FaceMesh.RIGHT_EYE_OUTER, FaceMesh.RIGHT_EYE_INNER);
    Point c = m.rightEye();
    Mat out = img.clone();
    Imgproc.ellipse(
        out,
        new Point(c.x + 0.1 * ew, c.y - 0.1 * ew),
        new Size(0.55 * ew, 0.3 * ew),
        -25,
        0,
        360,
        new Scalar(252, 252, 250),
        -1,
        Imgproc.LINE_AA);
    return out;
  }

  /**
   * Both eyes shut: in a box around each eye, the lid skin above the upper lid is stretched down to
   * the lower lid (as a closing lid slides down over the eye), with a dark lash line where they
   * meet; the box's edges are blended so no seam shows.
   */
  static Mat eyesClosed(Mat img) {
    FaceMesh m = mesh(img);
    Mat out = img.clone();
    int[][] eyes = {
      {
        FaceMesh.RIGHT_EYE_OUTER,
        FaceMesh.RIGHT_EYE_INNER,
        FaceMesh.RIGHT_EYE_UPPER,
        FaceMesh.RIGHT_EYE_LOWER
      },
      {
        FaceMesh.LEFT_EYE_OUTER,
        FaceMesh.LEFT_EYE_INNER,
        FaceMesh.LEFT_EYE_UPPER,
        FaceMesh.LEFT_EYE_LOWER
      }
    };
    for (int[] e : eyes) {
      double ew = m.distance(e[0], e[1]);
      double xa = Math.min(m.x()[e[0]], m.x()[e[1]]) - 0.2 * ew;
      double xb = Math.max(m.x()[e[0]], m.x()[e[1]]) + 0.2 * ew;
      double upper = m.y()[e[2]];
      double lower = m.y()[e[3]] + 0.08 * ew;
      double top = upper - 0.55 * ew;
      int x0 = (int) Math.floor(xa);
      int x1 = (int) Math.ceil(xb);
      int y0 = (int) Math.floor(top);
      int y1 = (int) Math.ceil(lower + 0.1 * ew);
      for (int y = y0; y <= y1; y++) {
        // Destination rows top..lower show source rows top..(upper − 0.1·ew): the lid skin.
        double src = y <= lower ? top + (y - top) * (upper - 0.12 * ew - top) / (lower - top) : y;
        for (int x = x0; x <= x1; x++) {
          double wx = Math.min(1, Math.min(x - x0, x1 - x) / (0.15 * ew));
          double wy = Math.min(1, Math.min(y - y0, y1 - y) / (0.1 * ew));
          double w = Math.max(0, Math.min(wx, wy));
          double[] s = img.get((int) Math.round(src), x);
          double[] d = img.get(y, x);
          double[] v = new double[3];
          for (int c = 0; c < 3; c++) {
            v[c] = w * s[c] + (1 - w) * d[c];
          }
          out.put(y, x, v);
        }
      }
      Imgproc.line(
          out,
          new Point(m.x()[e[0]], m.y()[e[0]] + 0.05 * ew),
          new Point(m.x()[e[1]], m.y()[e[1]] + 0.05 * ew),
          new Scalar(35, 35, 45),
          2,
          Imgproc.LINE_AA);
    }
    return out;
  }

  /** Shelves of books, slightly out of focus, as behind a student in a library or a dorm. */
  static Mat bookshelf(Size size) {
    Mat bg = new Mat(size, CvType.CV_8UC3, new Scalar(40, 60, 90));
    Random r = new Random(11);
    int shelf = (int) (size.height / 5);
    for (int y = 0; y < size.height; y += shelf) {
      int x = 0;
      while (x < size.width) {
        int bw = 8 + r.nextInt(20);
        int bh = (int) (shelf * (0.6 + 0.35 * r.nextDouble()));
        Scalar c = new Scalar(r.nextInt(220), r.nextInt(220), r.nextInt(220));
        Imgproc.rectangle(
            bg, new Point(x, y + shelf - bh), new Point(x + bw - 2, y + shelf - 6), c, -1);
        x += bw;
      }
      Imgproc.rectangle(
          bg,
          new Point(0, y + shelf - 6),
          new Point(size.width, y + shelf),
          new Scalar(20, 35, 60),
          -1);
    }
    Imgproc.GaussianBlur(bg, bg, new Size(0, 0), 1.5);
    return bg;
  }

  /** A street: sky, building fronts with windows, cars and signs, blurred as by a phone lens. */
  static Mat street(Size size) {
    Mat bg = new Mat(size, CvType.CV_8UC3, new Scalar(230, 210, 190));
    Random r = new Random(5);
    int x = 0;
    while (x < size.width) {
      int bw = 60 + r.nextInt(120);
      int top = (int) (size.height * (0.05 + 0.3 * r.nextDouble()));
      Scalar c = new Scalar(80 + r.nextInt(150), 80 + r.nextInt(150), 80 + r.nextInt(150));
      Imgproc.rectangle(bg, new Point(x, top), new Point(x + bw, size.height), c, -1);
      for (int wy = top + 10; wy < size.height - 20; wy += 28) {
        for (int wx = x + 8; wx < x + bw - 14; wx += 22) {
          Imgproc.rectangle(
              bg, new Point(wx, wy), new Point(wx + 12, wy + 16), new Scalar(60, 50, 40), -1);
        }
      }
      x += bw;
    }
    for (int i = 0; i < 6; i++) {
      Point p = new Point(r.nextInt((int) size.width), size.height * (0.75 + 0.2 * r.nextDouble()));
      Imgproc.rectangle(
          bg,
          p,
          new Point(p.x + 90, p.y + 40),
          new Scalar(r.nextInt(256), r.nextInt(256), r.nextInt(256)),
          -1);
    }
    Imgproc.GaussianBlur(bg, bg, new Size(0, 0), 2.5);
    return bg;
  }
}
