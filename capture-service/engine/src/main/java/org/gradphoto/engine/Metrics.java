package org.gradphoto.engine;

import java.util.List;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Photo measurements behind the quality findings; each is a plain number. */
final class Metrics {
  private Metrics() {}

  /** In-plane tilt in degrees: positive when the subject's left eye (image right) is lower. */
  static double rollDeg(FaceMesh m) {
    Point r = m.rightEye();
    Point l = m.leftEye();
    return Math.toDegrees(Math.atan2(l.y - r.y, l.x - r.x));
  }

  /**
   * Left/right turn in degrees from the depth difference of the two cheek points, measured along
   * the eye line (so a tilt does not read as a turn).
   */
  static double yawDeg(FaceMesh m) {
    double roll = Math.toRadians(rollDeg(m));
    int a = FaceMesh.RIGHT_CHEEK;
    int b = FaceMesh.LEFT_CHEEK;
    double dx = m.x()[b] - m.x()[a];
    double dy = m.y()[b] - m.y()[a];
    double along = dx * Math.cos(roll) + dy * Math.sin(roll);
    double dz = m.z()[b] - m.z()[a];
    return Math.toDegrees(Math.atan2(dz, along));
  }

  /** Eye opening: lid gap over eye width, the smaller of the two eyes. */
  static double eyeOpenness(FaceMesh m) {
    double r =
        m.distance(FaceMesh.RIGHT_EYE_UPPER, FaceMesh.RIGHT_EYE_LOWER)
            / m.distance(FaceMesh.RIGHT_EYE_OUTER, FaceMesh.RIGHT_EYE_INNER);
    double l =
        m.distance(FaceMesh.LEFT_EYE_UPPER, FaceMesh.LEFT_EYE_LOWER)
            / m.distance(FaceMesh.LEFT_EYE_OUTER, FaceMesh.LEFT_EYE_INNER);
    return Math.min(r, l);
  }

  /** Gap between the inner lips over the mouth width. */
  static double mouthOpenness(FaceMesh m) {
    return m.distance(FaceMesh.UPPER_LIP_INNER, FaceMesh.LOWER_LIP_INNER)
        / m.distance(FaceMesh.MOUTH_RIGHT_INNER, FaceMesh.MOUTH_LEFT_INNER);
  }

  /** Skin area of the face (cheeks, nose, upper lip) as a rectangle in output pixels. */
  static Rect faceSkin(double cheekRx, double cheekLx, double eyeY, double chinY, Mat img) {
    double w = cheekLx - cheekRx;
    int x0 = (int) Math.round(cheekRx + 0.15 * w);
    int x1 = (int) Math.round(cheekLx - 0.15 * w);
    int y0 = (int) Math.round(eyeY + 0.08 * w);
    int y1 = (int) Math.round(chinY - 0.25 * (chinY - eyeY));
    return clip(new Rect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)), img);
  }

  static Rect clip(Rect r, Mat img) {
    int x0 = Math.max(0, Math.min(img.cols() - 1, r.x));
    int y0 = Math.max(0, Math.min(img.rows() - 1, r.y));
    int x1 = Math.max(x0 + 1, Math.min(img.cols(), r.x + r.width));
    int y1 = Math.max(y0 + 1, Math.min(img.rows(), r.y + r.height));
    return new Rect(x0, y0, x1 - x0, y1 - y0);
  }

  /** Luma (0–255) of a BGR region. */
  static Mat luma(Mat bgr) {
    Mat g = new Mat();
    Imgproc.cvtColor(bgr, g, Imgproc.COLOR_BGR2GRAY);
    return g;
  }

  static double mean(Mat grey) {
    return Core.mean(grey).val[0];
  }

  /** Share of pixels at or above {@code level}. */
  static double fractionAtLeast(Mat grey, double level) {
    Mat m = new Mat();
    Imgproc.threshold(grey, m, level - 0.5, 1, Imgproc.THRESH_BINARY);
    double f = Core.mean(m).val[0];
    m.release();
    return f;
  }

  /** Value below which {@code q} of the pixels of an 8-bit grey image lie. */
  static double percentile(Mat grey, double q) {
    return Lighting.percentile(grey, null, q);
  }

  /**
   * Sharpness: detail at the finest scale (image minus a σ=1 blur) over detail one octave coarser
   * (σ=1 blur minus σ=2.5 blur), in the face area. A ratio of two bands is unchanged by exposure or
   * a shadow (both scale together) and by how much structure the face has; blur removes the fine
   * band first.
   */
  static double sharpness(Mat grey) {
    Mat f = new Mat();
    grey.convertTo(f, CvType.CV_32F);
    Mat g1 = new Mat();
    Mat g2 = new Mat();
    Imgproc.GaussianBlur(f, g1, new org.opencv.core.Size(0, 0), 1.0);
    Imgproc.GaussianBlur(f, g2, new org.opencv.core.Size(0, 0), 2.5);
    Mat fine = new Mat();
    Mat mid = new Mat();
    Core.subtract(f, g1, fine);
    Core.subtract(g1, g2, mid);
    double v = rms(fine) / Math.max(0.5, rms(mid));
    for (Mat m : List.of(f, g1, g2, fine, mid)) {
      m.release();
    }
    return v;
  }

  private static double rms(Mat m) {
    Mat sq = new Mat();
    Core.multiply(m, m, sq);
    double v = Math.sqrt(Core.mean(sq).val[0]);
    sq.release();
    return v;
  }

  /** Mean of (max channel − min channel): 0 for a grey-scale photo. */
  static double colourfulness(Mat bgr) {
    List<Mat> ch = new java.util.ArrayList<>();
    Core.split(bgr, ch);
    Mat max = new Mat();
    Mat min = new Mat();
    Core.max(ch.get(0), ch.get(1), max);
    Core.max(max, ch.get(2), max);
    Core.min(ch.get(0), ch.get(1), min);
    Core.min(min, ch.get(2), min);
    Core.subtract(max, min, max);
    double v = Core.mean(max).val[0];
    for (Mat m : ch) {
      m.release();
    }
    max.release();
    min.release();
    return v;
  }

  /** Share of edge pixels (Canny) among {@code where} pixels of a grey image. */
  static double edgeDensity(Mat grey, Mat where) {
    double n = Core.countNonZero(where);
    if (n < 1) {
      return 0;
    }
    Mat edges = new Mat();
    Imgproc.Canny(grey, edges, 60, 150);
    Mat in = new Mat();
    Core.bitwise_and(edges, where, in);
    double v = Core.countNonZero(in) / n;
    edges.release();
    in.release();
    return v;
  }

  /** CIE76 colour difference between a BGR mean and a colour. */
  static double deltaE(Scalar meanBgr, BackgroundColour c) {
    double[] a = lab(meanBgr.val[2], meanBgr.val[1], meanBgr.val[0]);
    double[] b = lab(c.red(), c.green(), c.blue());
    return Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
  }

  private static double[] lab(double r, double g, double b) {
    double rl = lin(r / 255);
    double gl = lin(g / 255);
    double bl = lin(b / 255);
    double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
    double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
    double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double lin(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }

  private static double sq(double v) {
    return v * v;
  }

  /** The mesh mapped into output pixels by (x − x0)·s, (y − y0)·s. */
  static FaceMesh toOutput(FaceMesh m, double s, double x0, double y0) {
    int n = m.x().length;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (m.x()[i] - x0) * s;
      y[i] = (m.y()[i] - y0) * s;
      z[i] = m.z()[i] * s;
    }
    return new FaceMesh(x, y, z, m.presence());
  }
}
