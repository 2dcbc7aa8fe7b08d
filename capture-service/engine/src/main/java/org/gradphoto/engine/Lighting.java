package org.gradphoto.engine;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** How the face is lit, measured on its skin (see {@link FaceRegions#skin}). */
final class Lighting {
  private Lighting() {}

  /**
   * Share of the skin in a shadow: skin whose local brightness (luma smoothed over a few percent of
   * the face width, only from skin pixels) is below {@code level} times the brightly lit skin (its
   * 90th percentile). Shape-blind: a band, a diagonal or a blob counts the same; soft modelling of
   * a face (nose side, cheek turning away) stays above the level.
   */
  static double shadowShare(Mat grey, Mat skin, double faceWidth, double level) {
    int n = Core.countNonZero(skin);
    if (n < 50) {
      return 0;
    }
    Mat local = localMean(grey, skin, faceWidth * 0.03);
    double lit = percentile(local, skin, 0.9);
    Mat dark = new Mat();
    Imgproc.threshold(local, dark, level * lit, 255, Imgproc.THRESH_BINARY_INV);
    dark.convertTo(dark, CvType.CV_8U);
    Core.bitwise_and(dark, skin, dark);
    double share = Core.countNonZero(dark) / (double) n;
    local.release();
    dark.release();
    return share;
  }

  /**
   * The skin's light split in two (Otsu on the smoothed luma): {dark share, dark mean / bright
   * mean}. A hard shadow gives two groups far apart whatever its shape; a face's own modelling, or
   * dark skin with its highlights, gives groups close together.
   */
  static double[] twoLevels(Mat grey, Mat skin, double faceWidth) {
    int n = Core.countNonZero(skin);
    if (n < 50) {
      return new double[] {0, 1};
    }
    Mat local = localMean(grey, skin, faceWidth * 0.05);
    Mat l8 = new Mat();
    local.convertTo(l8, CvType.CV_8U);
    byte[] px = new byte[(int) l8.total()];
    byte[] mk = new byte[(int) skin.total()];
    l8.get(0, 0, px);
    Mat mc = skin.isContinuous() ? skin : skin.clone();
    mc.get(0, 0, mk);
    long[] hist = new long[256];
    for (int i = 0; i < px.length; i++) {
      if (mk[i] != 0) {
        hist[px[i] & 0xFF]++;
      }
    }
    local.release();
    l8.release();
    long total = 0;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      total += hist[i];
      sum += i * (double) hist[i];
    }
    double bestVar = -1;
    int best = 0;
    long w0 = 0;
    double s0 = 0;
    for (int t = 0; t < 255; t++) {
      w0 += hist[t];
      s0 += t * (double) hist[t];
      long w1 = total - w0;
      if (w0 == 0 || w1 == 0) {
        continue;
      }
      double m0 = s0 / w0;
      double m1 = (sum - s0) / w1;
      double between = (double) w0 * w1 * (m0 - m1) * (m0 - m1);
      if (between > bestVar) {
        bestVar = between;
        best = t;
      }
    }
    long d = 0;
    double ds = 0;
    for (int i = 0; i <= best; i++) {
      d += hist[i];
      ds += i * (double) hist[i];
    }
    double darkMean = d == 0 ? 0 : ds / d;
    double brightMean = total - d == 0 ? 1 : (sum - ds) / (total - d);
    return new double[] {d / (double) total, darkMean / Math.max(1, brightMean)};
  }

  /** Luma of the skin smoothed with weights from the skin mask only (CV_32F). */
  static Mat localMean(Mat grey, Mat skin, double sigma) {
    Mat g = new Mat();
    grey.convertTo(g, CvType.CV_32F);
    Mat w = new Mat();
    skin.convertTo(w, CvType.CV_32F, 1 / 255.0);
    Core.multiply(g, w, g);
    Size k = new Size(0, 0);
    Imgproc.GaussianBlur(g, g, k, Math.max(1, sigma));
    Imgproc.GaussianBlur(w, w, k, Math.max(1, sigma));
    Core.add(w, new Scalar(1e-6), w);
    Core.divide(g, w, g);
    w.release();
    return g;
  }

  /**
   * Value below which {@code q} of the pixels lie, of those set in {@code mask} (all when it is
   * null); values are rounded to 0–255.
   */
  static double percentile(Mat values, Mat mask, double q) {
    Mat v8 = new Mat();
    values.convertTo(v8, CvType.CV_8U);
    int[] hist = new int[256];
    byte[] px = new byte[(int) v8.total()];
    v8.get(0, 0, px);
    byte[] mk = null;
    if (mask != null) {
      mk = new byte[(int) mask.total()];
      Mat mc = mask.isContinuous() ? mask : mask.clone();
      mc.get(0, 0, mk);
    }
    long n = 0;
    for (int i = 0; i < px.length; i++) {
      if (mk == null || mk[i] != 0) {
        hist[px[i] & 0xFF]++;
        n++;
      }
    }
    v8.release();
    long target = (long) Math.ceil(q * n);
    long acc = 0;
    for (int i = 0; i < 256; i++) {
      acc += hist[i];
      if (acc >= target) {
        return i;
      }
    }
    return 255;
  }

  /**
   * Mean HSV saturation (0–1) of the skin: a tone curve that darkens raises it, one that brightens
   * (or clipping) drains it, whatever the skin's own colour.
   */
  static double saturation(Mat bgr, Mat skin) {
    Mat hsv = new Mat();
    Imgproc.cvtColor(bgr, hsv, Imgproc.COLOR_BGR2HSV);
    double v = Core.mean(hsv, skin).val[1] / 255.0;
    hsv.release();
    return v;
  }

  /** Mean luma of the skin. */
  static double mean(Mat grey, Mat skin) {
    return Core.mean(grey, skin).val[0];
  }

  /**
   * Glare on spectacles (or any highlight) over an eye: the largest connected patch of near-white,
   * near-grey pixels in the box around the eye, as a share of the box. A catch-light in the pupil
   * is a few pixels; a reflection on a lens covers a good part of it.
   */
  static double glare(Mat bgr, Rect box, double skinP95) {
    Mat roi = bgr.submat(box);
    Mat hsv = new Mat();
    Imgproc.cvtColor(roi, hsv, Imgproc.COLOR_BGR2HSV);
    Mat bright = new Mat();
    // Brighter than the brightest skin too: on a washed-out face the skin itself is near white.
    double level = Math.min(250, Math.max(235, skinP95 + 25));
    Core.inRange(hsv, new Scalar(0, 0, level), new Scalar(180, 60, 255), bright);
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int n = Imgproc.connectedComponentsWithStats(bright, labels, stats, centroids, 8);
    int largest = 0;
    for (int i = 1; i < n; i++) {
      largest = Math.max(largest, (int) stats.get(i, Imgproc.CC_STAT_AREA)[0]);
    }
    for (Mat m : List.of(roi, hsv, bright, labels, stats, centroids)) {
      m.release();
    }
    return largest / (double) box.area();
  }

  /** Gradient magnitude of the grey levels after a σ 1 blur (luma per pixel, CV_32F). */
  static Mat gradient(Mat grey) {
    Mat g = new Mat();
    Imgproc.GaussianBlur(grey, g, new Size(0, 0), 1.0);
    Mat dx = new Mat();
    Mat dy = new Mat();
    Imgproc.Sobel(g, dx, CvType.CV_32F, 1, 0, 3, 0.125);
    Imgproc.Sobel(g, dy, CvType.CV_32F, 0, 1, 3, 0.125);
    Mat mag = new Mat();
    Core.magnitude(dx, dy, mag);
    for (Mat m : List.of(g, dx, dy)) {
      m.release();
    }
    return mag;
  }

  /** Background texture: mean of {@link #gradient} where set. */
  static double texture(Mat gradient, Mat where) {
    if (Core.countNonZero(where) < 1) {
      return 0;
    }
    return Core.mean(gradient, where).val[0];
  }

  /**
   * Spread of the background's colours: RMS distance (CIE Lab) from their mean, where set. Read on
   * every second pixel of every second row: a spread over thousands of pixels does not need all of
   * them.
   */
  static double colourSpread(Mat bgr, Mat where) {
    if (Core.countNonZero(where) < 1) {
      return 0;
    }
    Size half = new Size((bgr.cols() + 1) / 2, (bgr.rows() + 1) / 2);
    Mat small = new Mat();
    Mat mask = new Mat();
    Imgproc.resize(bgr, small, half, 0, 0, Imgproc.INTER_NEAREST);
    Imgproc.resize(where, mask, half, 0, 0, Imgproc.INTER_NEAREST);
    if (Core.countNonZero(mask) < 1) {
      small.release();
      mask.release();
      return 0;
    }
    // The 8-bit conversion (table-driven, a third of the float one's cost) stores L·255/100 and
    // a, b + 128: only L's spread needs scaling back; its rounding (±0.5) is lost in a spread of
    // thousands of pixels.
    Mat lab = new Mat();
    Imgproc.cvtColor(small, lab, Imgproc.COLOR_BGR2Lab);
    org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
    org.opencv.core.MatOfDouble std = new org.opencv.core.MatOfDouble();
    Core.meanStdDev(lab, mean, std, mask);
    double[] s = std.toArray();
    double l = s[0] * 100 / 255;
    double v = Math.sqrt(l * l + s[1] * s[1] + s[2] * s[2]);
    for (Mat m : List.of(small, mask, lab, mean, std)) {
      m.release();
    }
    return v;
  }
}
