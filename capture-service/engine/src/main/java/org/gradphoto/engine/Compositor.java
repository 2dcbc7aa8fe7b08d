package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Matte refinement and background replacement, all at output size (cheap). */
final class Compositor {
  private Compositor() {}

  /**
   * Refines a coarse person probability at output resolution. First a guided filter on the grey
   * levels snaps the mask's blocky outline to the photo's edges; then, in a band around the
   * outline, each pixel's alpha is read from its colour: its position on the line between the local
   * person colour and the local background colour (both averaged from sure pixels nearby). Where
   * the photo's edge is hard (a shoulder against a wall) that gives the 1–2 px edge of the photo
   * itself instead of the mask's upscaled ramp; in hair it keeps the strands' mixing. Where the two
   * local colours are too alike to tell apart, the guided alpha stays.
   *
   * @param bgr output-size photo
   * @param luma its grey levels (8 bit)
   * @param coarse CV_32F probability, same size
   * @return the alpha (CV_32F in [0, 1]) and, per pixel, how far apart the local person and
   *     background colours are (CV_32F, 0–441; 0 away from the band)
   */
  static Mat[] refineAlpha(Mat bgr, Mat luma, Mat coarse) {
    Mat grey = new Mat();
    luma.convertTo(grey, CvType.CV_32F, 1 / 255.0);
    // Sharpen the probability first: the model's soft ramp is wider than real hair edges.
    Mat p = new Mat();
    Core.subtract(coarse, new Scalar(0.5), p);
    Core.multiply(p, new Scalar(2.5), p);
    Core.add(p, new Scalar(0.5), p);
    clamp01(p);
    Mat q = fastGuidedFilter(grey, p, 6, 1e-3);
    clamp01(q);
    grey.release();
    p.release();
    Mat[] lined = colourLine(bgr, q);
    q.release();
    return lined;
  }

  /** Band half-width (output px) around the outline where colours decide alpha. */
  private static final int BAND = 9;

  /** Local person and background colours closer than this (RGB distance) are not told apart. */
  static final double MIN_SEPARATION = 45;

  private static Mat[] colourLine(Mat bgr, Mat q) {
    Mat img = new Mat();
    bgr.convertTo(img, CvType.CV_32FC3);
    Mat sureF = new Mat();
    Mat sureB = new Mat();
    Imgproc.threshold(q, sureF, 0.97, 1, Imgproc.THRESH_BINARY);
    Imgproc.threshold(q, sureB, 0.03, 1, Imgproc.THRESH_BINARY_INV);
    Mat k = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));
    Imgproc.erode(sureF, sureF, k);
    Imgproc.erode(sureB, sureB, k);
    Mat f = localMean(img, sureF, 2 * BAND + 1);
    Mat b = localMean(img, sureB, 2 * BAND + 1);
    // alpha = (I − B)·(F − B) / |F − B|², per pixel.
    Mat d = new Mat();
    Core.subtract(f, b, d);
    Mat ib = new Mat();
    Core.subtract(img, b, ib);
    Mat num = dot(ib, d);
    Mat den = dot(d, d);
    Mat sep = new Mat();
    Core.sqrt(den, sep);
    Core.add(den, new Scalar(1), den);
    Mat a = new Mat();
    Core.divide(num, den, a);
    clamp01(a);
    // Band: neither sure side, widened a little; outside it the guided alpha is final.
    Mat band = new Mat();
    Core.add(sureF, sureB, band);
    Imgproc.threshold(band, band, 0.5, 255, Imgproc.THRESH_BINARY_INV);
    band.convertTo(band, CvType.CV_8U);
    Imgproc.dilate(band, band, k);
    // Weight of the colour answer: 0 where the colours are alike, 1 where clearly apart.
    Mat w = new Mat();
    Core.subtract(sep, new Scalar(MIN_SEPARATION * 0.6), w);
    Core.multiply(w, new Scalar(1 / (MIN_SEPARATION * 0.4)), w);
    clamp01(w);
    Mat out = q.clone();
    Mat mixed = new Mat();
    Core.subtract(a, q, mixed);
    Core.multiply(mixed, w, mixed);
    Core.add(mixed, q, mixed);
    mixed.copyTo(out, band);
    Mat separation = Mat.zeros(q.size(), CvType.CV_32F);
    sep.copyTo(separation, band);
    for (Mat m : List.of(img, sureF, sureB, k, f, b, d, ib, num, den, sep, a, band, w, mixed)) {
      m.release();
    }
    return new Mat[] {out, separation};
  }

  /** Mean colour of the pixels where {@code weight} is 1, in a k×k window (CV_32FC3). */
  static Mat localMean(Mat img, Mat weight, int k) {
    Size ks = new Size(k, k);
    // The weight is one channel: blurred once, then spread to the three for the division.
    Mat den = new Mat();
    Imgproc.blur(weight, den, ks);
    Core.add(den, new Scalar(1e-4), den);
    Mat w3 = new Mat();
    Core.merge(List.of(weight, weight, weight), w3);
    Mat num = new Mat();
    Core.multiply(img, w3, num);
    Imgproc.blur(num, num, ks);
    Core.merge(List.of(den, den, den), w3);
    Core.divide(num, w3, num);
    w3.release();
    den.release();
    return num;
  }

  /** Per-pixel dot product of two CV_32FC3 images (CV_32F). */
  private static Mat dot(Mat x, Mat y) {
    Mat prod = new Mat();
    Core.multiply(x, y, prod);
    // A 1×3 transform of ones sums the three channels in one pass.
    Mat ones = new Mat(1, 3, CvType.CV_32F, new Scalar(1));
    Mat out = new Mat();
    Core.transform(prod, out, ones);
    prod.release();
    ones.release();
    return out;
  }

  /**
   * The person's own colours at the matte edge. An edge pixel mixes person and old background;
   * rather than un-mixing (which needs a good estimate of the old background and turns noisy where
   * the matte is faint), edge pixels take the colour of the nearby solid person pixels. No share of
   * the old background survives, so a colour change leaves no halo.
   *
   * @return CV_32FC3 foreground colours in 0–255
   */
  static Mat foreground(Mat bgr, Mat alpha) {
    Mat img = new Mat();
    bgr.convertTo(img, CvType.CV_32FC3);
    Mat sure = new Mat();
    Imgproc.threshold(alpha, sure, 0.95, 1, Imgproc.THRESH_BINARY);
    Mat s3 = new Mat();
    Core.merge(List.of(sure, sure, sure), s3);
    Mat sum = new Mat();
    Core.multiply(img, s3, sum);
    // Colours spread outwards are smooth, so half size is plenty (and four times cheaper).
    Size half = new Size(bgr.cols() / 2, bgr.rows() / 2);
    Mat sumH = new Mat();
    Mat s3H = new Mat();
    Imgproc.resize(sum, sumH, half, 0, 0, Imgproc.INTER_AREA);
    Imgproc.resize(s3, s3H, half, 0, 0, Imgproc.INTER_AREA);
    Mat fgH = new Mat(sumH.size(), sumH.type(), new Scalar(0, 0, 0));
    Mat filled = new Mat(sumH.size(), CvType.CV_8U, new Scalar(0));
    // Widening windows: near pixels take near colours, far ones still get some person colour.
    Mat sH = new Mat();
    Core.extractChannel(s3H, sH, 0);
    for (int k : new int[] {5, 13, 31}) {
      Mat num = new Mat();
      Mat den = new Mat();
      Imgproc.blur(sumH, num, new Size(k, k));
      // The weight is the same in all three channels: blur one.
      Imgproc.blur(sH, den, new Size(k, k));
      Mat take = new Mat();
      Imgproc.threshold(den, take, 0.02, 255, Imgproc.THRESH_BINARY);
      take.convertTo(take, CvType.CV_8U);
      Core.subtract(take, filled, take);
      Core.add(den, new Scalar(1e-6), den);
      Mat den3 = new Mat();
      Core.merge(List.of(den, den, den), den3);
      Core.divide(num, den3, num);
      num.copyTo(fgH, take);
      Core.bitwise_or(filled, take, filled);
      for (Mat m : List.of(num, den, den3, take)) {
        m.release();
      }
    }
    sH.release();
    Mat fg = new Mat();
    Imgproc.resize(fgH, fg, bgr.size(), 0, 0, Imgproc.INTER_LINEAR);
    // Inside the person the photo is kept untouched.
    Mat solid = new Mat();
    sure.convertTo(solid, CvType.CV_8U);
    img.copyTo(fg, solid);
    for (Mat m : List.of(img, sure, s3, sum, sumH, s3H, fgH, filled, solid)) {
      m.release();
    }
    return fg;
  }

  /** a·F + (1−a)·colour, as 8-bit BGR. */
  static Mat composite(Mat fg, Mat alpha, BackgroundColour colour) {
    Mat a3 = new Mat();
    Core.merge(List.of(alpha, alpha, alpha), a3);
    Scalar bg = bgr(colour);
    Mat out = new Mat();
    Core.subtract(fg, bg, out);
    Core.multiply(out, a3, out);
    Core.add(out, bg, out);
    Mat out8 = new Mat();
    out.convertTo(out8, CvType.CV_8UC3);
    a3.release();
    out.release();
    return out8;
  }

  /** 8-bit BGRA: foreground colours plus the matte as alpha. */
  static Mat cutout(Mat fg, Mat alpha) {
    List<Mat> ch = new ArrayList<>();
    Mat fg8 = new Mat();
    fg.convertTo(fg8, CvType.CV_8UC3);
    Core.split(fg8, ch);
    Mat a8 = new Mat();
    alpha.convertTo(a8, CvType.CV_8U, 255);
    ch.add(a8);
    Mat out = new Mat();
    Core.merge(ch, out);
    // Fully transparent pixels carry no colour: zeros compress smaller and faster in PNG.
    Mat clear = new Mat();
    Core.compare(a8, new Scalar(0), clear, Core.CMP_EQ);
    out.setTo(new Scalar(0, 0, 0, 0), clear);
    clear.release();
    fg8.release();
    for (Mat m : ch) {
      m.release();
    }
    return out;
  }

  static Scalar bgr(BackgroundColour c) {
    return new Scalar(c.blue(), c.green(), c.red());
  }

  /**
   * The guided filter's linear coefficients computed at half size and applied at full size (He and
   * Sun's "fast guided filter"): a quarter of the work, edges still from the full image.
   */
  static Mat fastGuidedFilter(Mat guide, Mat p, int radius, double eps) {
    Size half = new Size(guide.cols() / 2, guide.rows() / 2);
    Mat g = new Mat();
    Mat ps = new Mat();
    Imgproc.resize(guide, g, half, 0, 0, Imgproc.INTER_AREA);
    Imgproc.resize(p, ps, half, 0, 0, Imgproc.INTER_AREA);
    Mat[] ab = coefficients(g, ps, Math.max(1, radius / 2), eps);
    Mat a = new Mat();
    Mat b = new Mat();
    Imgproc.resize(ab[0], a, guide.size(), 0, 0, Imgproc.INTER_LINEAR);
    Imgproc.resize(ab[1], b, guide.size(), 0, 0, Imgproc.INTER_LINEAR);
    Mat q = new Mat();
    Core.multiply(a, guide, q);
    Core.add(q, b, q);
    for (Mat m : List.of(g, ps, ab[0], ab[1], a, b)) {
      m.release();
    }
    return q;
  }

  /** He et al.'s guided filter with a grey guide, from box filters only. */
  static Mat guidedFilter(Mat guide, Mat p, int radius, double eps) {
    Mat[] ab = coefficients(guide, p, radius, eps);
    Mat q = new Mat();
    Core.multiply(ab[0], guide, q);
    Core.add(q, ab[1], q);
    ab[0].release();
    ab[1].release();
    return q;
  }

  /** Box-averaged linear coefficients (a, b) with q = a·guide + b. */
  private static Mat[] coefficients(Mat guide, Mat p, int radius, double eps) {
    Size k = new Size(2 * radius + 1, 2 * radius + 1);
    Mat meanI = box(guide, k);
    Mat meanP = box(p, k);
    Mat ip = new Mat();
    Core.multiply(guide, p, ip);
    Mat meanIp = box(ip, k);
    Mat ii = new Mat();
    Core.multiply(guide, guide, ii);
    Mat meanIi = box(ii, k);
    Mat tmp = new Mat();
    Mat cov = new Mat();
    Core.multiply(meanI, meanP, tmp);
    Core.subtract(meanIp, tmp, cov);
    Mat var = new Mat();
    Core.multiply(meanI, meanI, tmp);
    Core.subtract(meanIi, tmp, var);
    Core.add(var, new Scalar(eps), var);
    Mat a = new Mat();
    Core.divide(cov, var, a);
    Mat b = new Mat();
    Core.multiply(a, meanI, tmp);
    Core.subtract(meanP, tmp, b);
    Mat meanA = box(a, k);
    Mat meanB = box(b, k);
    for (Mat m : List.of(meanI, meanP, ip, meanIp, ii, meanIi, tmp, cov, var, a, b)) {
      m.release();
    }
    return new Mat[] {meanA, meanB};
  }

  private static Mat box(Mat m, Size k) {
    Mat out = new Mat();
    Imgproc.boxFilter(m, out, CvType.CV_32F, k);
    return out;
  }

  static void clamp01(Mat m) {
    Core.min(m, new Scalar(1), m);
    Core.max(m, new Scalar(0), m);
  }
}
