package org.gradphoto.engine;

import java.util.List;
import java.util.Map;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Exposure, shadows and glare as a reviewer judges them: on the face's skin, not the frame. The
 * module README gives each threshold with the values it was set from.
 */
final class LightingChecks {
  private LightingChecks() {}

  static void check(
      List<PhotoFinding> findings,
      Map<String, Double> metrics,
      Mat bgr,
      Mat grey,
      Mat skin,
      FaceMesh m,
      double faceWidth) {
    // Everything but the glare is read on the skin: work on its bounding box, wide enough that the
    // smoothing in twoLevels (a Gaussian of σ 0.05 face widths, 4 σ each side) sees what it would
    // see on the whole frame.
    Rect box = FaceRegions.bounds(skin, (int) Math.ceil(4 * Math.max(1, faceWidth * 0.05)) + 1);
    Mat g = grey.submat(box);
    Mat s = skin.submat(box);
    Mat c = bgr.submat(box);
    double mean = Lighting.mean(g, s);
    double p95 = Lighting.percentile(g, s, 0.95);
    double sat = Lighting.saturation(c, s);
    metrics.put("skinMean", mean);
    metrics.put("skinP95", p95);
    metrics.put("skinSaturation", sat);
    if (p95 < Thresholds.MIN_SKIN_P95) {
      findings.add(
          PhotoChecks.finding(
              FindingCode.UNDEREXPOSED,
              Severity.REJECT,
              p95,
              "skin P95 ≥ " + Thresholds.MIN_SKIN_P95,
              "luma"));
    } else if (sat > Thresholds.MAX_SKIN_SATURATION && mean < Thresholds.DARK_SKIN_MEAN) {
      findings.add(
          PhotoChecks.finding(
              FindingCode.UNDEREXPOSED,
              Severity.REJECT,
              Standardizer.round1(mean),
              "skin mean ≥ "
                  + Thresholds.DARK_SKIN_MEAN
                  + " or saturation ≤ "
                  + Thresholds.MAX_SKIN_SATURATION,
              "luma"));
    }
    if (mean > Thresholds.MAX_SKIN_MEAN
        || (sat < Thresholds.MIN_SKIN_SATURATION && mean > Thresholds.BRIGHT_SKIN_MEAN)) {
      findings.add(
          PhotoChecks.finding(
              FindingCode.OVEREXPOSED,
              Severity.REJECT,
              Standardizer.round1(mean),
              "skin mean ≤ "
                  + Thresholds.MAX_SKIN_MEAN
                  + " (≤ "
                  + Thresholds.BRIGHT_SKIN_MEAN
                  + " when saturation < "
                  + Thresholds.MIN_SKIN_SATURATION
                  + ")",
              "luma"));
    }
    double[] two = Lighting.twoLevels(g, s, faceWidth);
    for (Mat x : List.of(g, s, c)) {
      x.release();
    }
    metrics.put("shadowShare", two[0]);
    metrics.put("shadowRatio", two[1]);
    if (two[1] < Thresholds.MAX_SHADOW_RATIO && two[0] >= Thresholds.MIN_SHADOW_SHARE) {
      findings.add(
          PhotoChecks.finding(
              FindingCode.UNEVEN_LIGHTING,
              Severity.REJECT,
              Standardizer.round2(two[1]),
              "shadow / lit ≥ " + Thresholds.MAX_SHADOW_RATIO,
              "ratio"));
    }
    double glare =
        Math.max(
            Lighting.glare(bgr, FaceRegions.lensBox(m, true, bgr.size()), p95),
            Lighting.glare(bgr, FaceRegions.lensBox(m, false, bgr.size()), p95));
    metrics.put("eyeGlare", glare);
    if (glare > Thresholds.MAX_EYE_GLARE) {
      findings.add(
          PhotoChecks.finding(
              FindingCode.GLARE,
              Severity.REJECT,
              Standardizer.round2(glare),
              "≤ " + Thresholds.MAX_EYE_GLARE,
              "share"));
    }
  }
}
