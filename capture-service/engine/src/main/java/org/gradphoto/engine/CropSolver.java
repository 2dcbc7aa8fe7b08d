package org.gradphoto.engine;

/**
 * Chooses scale and placement (never rotation) so that head top, eye line and face width land in
 * the profile's windows, horizontally centred, preferring a frame the source fully covers. A coarse
 * grid over (scale, head-top position) with a cost is plenty: the space is 2-D and the cost cheap.
 */
final class CropSolver {
  private CropSolver() {}

  /** Where the face sits in the working image (pixels). */
  record Face(double headTopY, double eyeY, double faceWidth, double centreX) {}

  /**
   * What limits the frame in the working image.
   *
   * @param personAtBottom the person reaches the image's bottom edge (cropping below it would cut
   *     the body off)
   * @param personAtLeft the person reaches the left edge
   * @param personAtRight the person reaches the right edge
   * @param maxScale output pixels per working pixel beyond which the source is upscaled too much
   *     (preferred limit, not hard)
   */
  record Source(
      int width,
      int height,
      boolean personAtBottom,
      boolean personAtLeft,
      boolean personAtRight,
      double maxScale) {}

  /** The hint's frame in working pixels. */
  record Hint(double x, double y, double width, double height) {}

  /**
   * Output pixel (u, v) shows working pixel (x0 + u / scale, y0 + v / scale).
   *
   * @param bottomOverflowPx output rows below the source where the body should be
   * @param sideOverflowPx output columns beyond a source edge the person touches
   */
  record Crop(double scale, double x0, double y0, double bottomOverflowPx, double sideOverflowPx) {}

  static Crop solve(SpecProfile p, Face f, Source src, Hint hint) {
    double d = Math.max(1, f.eyeY() - f.headTopY());
    double sLo =
        Math.min(
            p.faceWidthPx().min() / f.faceWidth(), (p.eyeLinePx().min() - p.headTopPx().max()) / d);
    double sHi =
        Math.max(
            p.faceWidthPx().max() / f.faceWidth(), (p.eyeLinePx().max() - p.headTopPx().min()) / d);
    sLo *= 0.8;
    sHi *= 1.2;
    double tLo = p.headTopPx().min() - 40;
    double tHi = p.headTopPx().max() + 40;
    Crop best = null;
    double bestCost = Double.MAX_VALUE;
    int steps = 60;
    for (int i = 0; i <= steps; i++) {
      double s = sLo * Math.pow(sHi / sLo, (double) i / steps);
      for (int j = 0; j <= steps; j++) {
        double t = tLo + (tHi - tLo) * j / steps;
        Crop c = place(p, f, src, s, t);
        double cost = cost(p, f, src, hint, c, s, t, d);
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
      }
    }
    return best;
  }

  private static Crop place(SpecProfile p, Face f, Source src, double s, double t) {
    double x0 = f.centreX() - p.widthPx() / 2.0 / s;
    double y0 = f.headTopY() - t / s;
    double bottom = (y0 + p.heightPx() / s - src.height()) * s;
    double bottomOverflow = src.personAtBottom() ? Math.max(0, bottom) : 0;
    double left = src.personAtLeft() ? Math.max(0, -x0 * s) : 0;
    double right = src.personAtRight() ? Math.max(0, (x0 + p.widthPx() / s - src.width()) * s) : 0;
    return new Crop(s, x0, y0, bottomOverflow, Math.max(left, right));
  }

  private static double cost(
      SpecProfile p, Face f, Source src, Hint hint, Crop c, double s, double t, double d) {
    double eye = t + s * d;
    double fw = s * f.faceWidth();
    double outside =
        outside(t, p.headTopPx()) + outside(eye, p.eyeLinePx()) + outside(fw, p.faceWidthPx());
    double cost = 100 * outside;
    // A frame that needs body below or beside the source is what a tight photo cannot give.
    cost += 20 * (c.bottomOverflowPx() + c.sideOverflowPx());
    cost += 300 * Math.max(0, s / src.maxScale() - 1);
    cost += sq((t - p.headTopPx().middle()) / halfWidth(p.headTopPx()));
    cost += sq((eye - p.eyeLinePx().middle()) / halfWidth(p.eyeLinePx()));
    cost += sq((fw - p.faceWidthPx().middle()) / halfWidth(p.faceWidthPx()));
    if (hint != null) {
      // The student's own framing wins wherever the windows allow it.
      double sHint = p.widthPx() / hint.width();
      double tHint = (f.headTopY() - hint.y()) * sHint;
      cost += 4 * sq(Math.log(s / sHint) / 0.05) + sq((t - tHint) / 10);
    }
    return cost;
  }

  private static double outside(double v, SpecProfile.Window w) {
    // Aim a few pixels inside the window so rounding never lands a value on the edge.
    double margin = Math.min(4, (w.max() - w.min()) / 10);
    return Math.max(0, w.min() + margin - v) + Math.max(0, v - (w.max() - margin));
  }

  private static double halfWidth(SpecProfile.Window w) {
    return Math.max(1, (w.max() - w.min()) / 2);
  }

  private static double sq(double v) {
    return v * v;
  }
}
