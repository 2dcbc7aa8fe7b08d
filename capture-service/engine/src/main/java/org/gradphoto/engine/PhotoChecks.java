package org.gradphoto.engine;

import java.util.List;
import java.util.Map;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The checks of one photo on the output frame: framing against the spec, face (pose, eyes, mouth,
 * expression), photo (light, sharpness, background, separation) and clothing; each adds its
 * findings and metrics to the {@link Analysis}.
 */
final class PhotoChecks {
  private PhotoChecks() {}

  /** The spec geometry of the person on the output frame (head top read on the matte). */
  static Geometry measure(FaceMesh m, Mat alpha) {
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    double cx = (m.x()[FaceMesh.RIGHT_CHEEK] + m.x()[FaceMesh.LEFT_CHEEK]) / 2;
    double eyeY = (m.rightEye().y + m.leftEye().y) / 2;
    return new Geometry(
        Standardizer.round1(headTopOnOutput(alpha, cx, fw, eyeY)),
        Standardizer.round1(eyeY),
        Standardizer.round1(fw),
        Standardizer.round1(cx),
        Standardizer.round1(Metrics.rollDeg(m)),
        Standardizer.round1(Metrics.yawDeg(m)));
  }

  /** Head top on the output matte, scanning up from the eye line (as in the source). */
  private static double headTopOnOutput(Mat alpha, double cx, double fw, double eyeY) {
    int c0 = Standardizer.clamp((int) Math.floor(cx - 0.3 * fw), 0, alpha.cols() - 1);
    int c1 = Standardizer.clamp((int) Math.ceil(cx + 0.3 * fw), c0 + 1, alpha.cols());
    int eyeRow = Standardizer.clamp((int) Math.round(eyeY), 0, alpha.rows() - 1);
    float[] buf = new float[c1 - c0];
    double below = Standardizer.bandMean(alpha, eyeRow, c0, c1, buf);
    for (int r = eyeRow - 1; r >= 0; r--) {
      double v = Standardizer.bandMean(alpha, r, c0, c1, buf);
      if (v < 0.5) {
        return r + 0.5 + (0.5 - v) / Math.max(1e-6, below - v);
      }
      below = v;
    }
    return 0;
  }

  static void checkFraming(SpecProfile p, Analysis fr, Geometry g) {
    double upscale = fr.crop.scale() / fr.reduction;
    atMost(
        fr.findings,
        FindingCode.LOW_RESOLUTION,
        Severity.REJECT,
        upscale,
        Thresholds.MAX_UPSCALE,
        "upscale");
    double overflow = Math.max(fr.crop.bottomOverflowPx(), fr.crop.sideOverflowPx());
    if (overflow > Thresholds.MAX_BODY_OVERFLOW_PX && !has(fr.findings, FindingCode.HEAD_CUT_OFF)) {
      fr.findings.add(
          finding(
              FindingCode.SHOULDERS_MISSING,
              Severity.REJECT,
              Standardizer.round1(overflow),
              "≤ " + (int) Thresholds.MAX_BODY_OVERFLOW_PX,
              "px"));
    }
    geometry(fr.findings, "头顶距上边缘", g.headTopPx(), p.headTopPx());
    geometry(fr.findings, "眼睛距上边缘", g.eyeLinePx(), p.eyeLinePx());
    geometry(fr.findings, "脸宽", g.faceWidthPx(), p.faceWidthPx());
    double mid = p.widthPx() / 2.0;
    geometry(
        fr.findings,
        "脸部中心横向位置",
        g.faceCenterXPx(),
        new SpecProfile.Window(mid - p.centreTolerancePx(), mid + p.centreTolerancePx()));
  }

  private static void geometry(
      List<PhotoFinding> out, String what, double v, SpecProfile.Window w) {
    if (!w.contains(v)) {
      out.add(
          new PhotoFinding(
              FindingCode.GEOMETRY_OUT_OF_SPEC,
              Severity.REJECT,
              what
                  + " "
                  + Math.round(v)
                  + " 像素，规定 "
                  + w
                  + " 像素。"
                  + Messages.of(FindingCode.GEOMETRY_OUT_OF_SPEC),
              v,
              w.toString(),
              "px"));
    }
  }

  static void checkFace(Analysis fr, FaceMesh m, Geometry g) {
    atMost(
        fr.findings,
        FindingCode.HEAD_TILTED,
        Severity.REJECT,
        Math.abs(g.rollDeg()),
        Thresholds.MAX_ROLL_DEG,
        "deg");
    atMost(
        fr.findings,
        FindingCode.FACE_TURNED,
        Severity.REJECT,
        Math.abs(g.yawDeg()),
        Thresholds.MAX_YAW_DEG,
        "deg");
    double eyes = Metrics.eyeOpenness(m);
    fr.metrics.put("eyeOpenness", eyes);
    atLeast(
        fr.findings,
        FindingCode.EYES_CLOSED,
        Severity.REJECT,
        eyes,
        Thresholds.MIN_EYE_OPENNESS,
        "ratio");
    double mouth = Metrics.mouthOpenness(m);
    fr.metrics.put("mouthOpenness", mouth);
    atMost(
        fr.findings,
        FindingCode.MOUTH_OPEN,
        Severity.REJECT,
        mouth,
        Thresholds.MAX_MOUTH_OPENNESS,
        "ratio");
  }

  static void checkPhoto(
      Analysis fr, Mat out, Mat grey, Mat gradient, Mat alpha, Rect valid, FaceMesh m, Geometry g) {
    double chinY = m.y()[FaceMesh.CHIN];
    double cheekR = m.x()[FaceMesh.RIGHT_CHEEK];
    double cheekL = m.x()[FaceMesh.LEFT_CHEEK];
    Rect skin = Metrics.faceSkin(cheekR, cheekL, g.eyeLinePx(), chinY, grey);
    Mat skinGrey = grey.submat(skin);
    double clipped = Metrics.fractionAtLeast(skinGrey, 250);
    Mat validGrey = grey.submat(valid);
    double frameP98 = Metrics.percentile(validGrey.clone(), 0.98);
    fr.metrics.put("faceMean", Metrics.mean(skinGrey));
    fr.metrics.put("frameP98", frameP98);
    Mat skinMask = FaceRegions.skin(m, grey.size());
    LightingChecks.check(fr.findings, fr.metrics, out, grey, skinMask, m, g.faceWidthPx());
    if (frameP98 < Thresholds.MIN_FRAME_P98 && !has(fr.findings, FindingCode.UNDEREXPOSED)) {
      fr.findings.add(
          finding(
              FindingCode.UNDEREXPOSED,
              Severity.REJECT,
              frameP98,
              "P98 ≥ " + Thresholds.MIN_FRAME_P98,
              "luma"));
    }
    atMost(
        fr.findings,
        FindingCode.OVEREXPOSED,
        Severity.REJECT,
        clipped,
        Thresholds.MAX_FACE_CLIPPED,
        "share ≥ 250");
    // Halves split at the nose, each the same width from the middle: side light.
    double nose = m.x()[FaceMesh.NOSE_TIP];
    int half = (int) Math.max(2, Math.min(nose - skin.x, skin.x + skin.width - nose) - 1);
    Rect leftHalf =
        Metrics.clip(new Rect((int) Math.round(nose) - half, skin.y, half, skin.height), grey);
    Rect rightHalf =
        Metrics.clip(new Rect((int) Math.round(nose) + 1, skin.y, half, skin.height), grey);
    double a = Metrics.mean(grey.submat(leftHalf));
    double b = Metrics.mean(grey.submat(rightHalf));
    double ratio = Math.min(a, b) / Math.max(1, Math.max(a, b));
    fr.metrics.put("halfFaceRatio", ratio);
    if (ratio < Thresholds.MIN_HALF_FACE_RATIO && !has(fr.findings, FindingCode.UNEVEN_LIGHTING)) {
      fr.findings.add(
          finding(
              FindingCode.UNEVEN_LIGHTING,
              Severity.REJECT,
              Standardizer.round2(ratio),
              "≥ " + Thresholds.MIN_HALF_FACE_RATIO,
              "ratio"));
    }
    skinMask.release();
    Rect sharpArea =
        Metrics.clip(
            new Rect(
                (int) cheekR,
                (int) (g.eyeLinePx() - 0.2 * g.faceWidthPx()),
                (int) (cheekL - cheekR),
                (int) (chinY - g.eyeLinePx() + 0.2 * g.faceWidthPx())),
            grey);
    double sharp = Metrics.sharpness(grey.submat(sharpArea));
    fr.metrics.put("sharpness", sharp);
    atLeast(
        fr.findings, FindingCode.BLURRY, Severity.REJECT, sharp, Thresholds.MIN_SHARPNESS, "ratio");
    double colourful = Metrics.colourfulness(out.submat(valid));
    fr.metrics.put("colourfulness", colourful);
    atLeast(
        fr.findings,
        FindingCode.NOT_COLOUR,
        Severity.REJECT,
        colourful,
        Thresholds.MIN_COLOURFULNESS,
        "spread");
    // Background: clearly not the person, away from its edge, and inside the source.
    Mat person = new Mat();
    Imgproc.threshold(alpha, person, 0.05, 255, Imgproc.THRESH_BINARY);
    person.convertTo(person, CvType.CV_8U);
    Imgproc.dilate(
        person, person, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(17, 17)));
    Mat bg = new Mat(alpha.size(), CvType.CV_8U, new Scalar(0));
    bg.submat(valid).setTo(new Scalar(255));
    Core.subtract(bg, person, bg);
    double bgShare = Core.countNonZero(bg) / (double) bg.total();
    double edges = bgShare > 0.03 ? Metrics.edgeDensity(grey, bg) : 0;
    double texture = bgShare > 0.03 ? Lighting.texture(gradient, bg) : 0;
    double spread = bgShare > 0.03 ? Lighting.colourSpread(out, bg) : 0;
    fr.metrics.put("backgroundShare", bgShare);
    fr.metrics.put("backgroundEdges", edges);
    fr.metrics.put("backgroundTexture", texture);
    fr.metrics.put("backgroundColourSpread", spread);
    // A phone blurs what is behind the student, so few sharp edges survive: soft texture and a
    // spread of colours tell a street or a bookshelf from a wall as well.
    if (edges > Thresholds.MAX_BACKGROUND_EDGES
        || texture > Thresholds.MAX_BACKGROUND_TEXTURE
        || spread > Thresholds.MAX_BACKGROUND_COLOUR_SPREAD) {
      fr.findings.add(
          finding(
              FindingCode.BACKGROUND_CLUTTERED,
              Severity.WARN,
              Standardizer.round2(texture),
              "texture ≤ "
                  + Thresholds.MAX_BACKGROUND_TEXTURE
                  + ", colour spread ≤ "
                  + Thresholds.MAX_BACKGROUND_COLOUR_SPREAD
                  + ", edges ≤ "
                  + Thresholds.MAX_BACKGROUND_EDGES,
              "luma/px"));
    }
    checkSeparable(fr, texture, out, alpha, valid);
    for (Mat x : List.of(skinGrey, validGrey, person, bg)) {
      x.release();
    }
  }

  /**
   * Where the head's outline is mostly a guess — its person and background colours alike along much
   * of it (dark hair on a dark wall, a white-haired head on white, foliage) — no cut-out can be
   * trusted: the student is told to stand before a plain wall of another colour, instead of being
   * handed a guessed outline. Only on a background with some texture: on a plain wall the share
   * also counts a wide ramp of the person model where the photo's edge is clear (a generated
   * portrait on green reads 0.54 and cuts out cleanly), so it says nothing there.
   */
  private static void checkSeparable(
      Analysis fr, double backgroundTexture, Mat out, Mat alpha, Rect valid) {
    double inWall = PlainWallSeparation.outlineInWallColour(out, alpha, valid);
    fr.metrics.put("outlineInWallColour", inWall);
    if (backgroundTexture <= Thresholds.MIN_SEPARATION_TEXTURE) {
      // A plain wall in the person's own colour (white dress on white): no colour tells them apart.
      atMost(
          fr.findings,
          FindingCode.SUBJECT_NOT_SEPARABLE,
          Severity.REJECT,
          inWall,
          Thresholds.MAX_OUTLINE_IN_WALL_COLOUR,
          "share");
      return;
    }
    atMost(
        fr.findings,
        FindingCode.SUBJECT_NOT_SEPARABLE,
        Severity.REJECT,
        fr.metrics.getOrDefault("headOutlineAlike", 0.0),
        Thresholds.MAX_HEAD_OUTLINE_ALIKE_BUSY,
        "share");
  }

  /** Clothing: the person below the chin; null when too little of it is in frame. */
  static Double clothingDeltaE(Mat bgr, Mat alpha, Geometry g, BackgroundColour colour) {
    int top = (int) Math.round(g.eyeLinePx() + 1.1 * g.faceWidthPx());
    if (top >= bgr.rows() - 4) {
      return null;
    }
    Mat a = alpha.submat(top, bgr.rows(), 0, bgr.cols());
    Mat sure = new Mat();
    Imgproc.threshold(a, sure, 0.9, 255, Imgproc.THRESH_BINARY);
    sure.convertTo(sure, CvType.CV_8U);
    int n = Core.countNonZero(sure);
    Double d = null;
    if (n >= 0.02 * bgr.total()) {
      Scalar mean = Core.mean(bgr.submat(top, bgr.rows(), 0, bgr.cols()), sure);
      d = Metrics.deltaE(mean, colour);
    }
    a.release();
    sure.release();
    return d;
  }

  static void checkClothing(
      List<PhotoFinding> findings,
      Map<String, Double> metrics,
      Mat bgr,
      Mat alpha,
      Geometry g,
      BackgroundColour colour) {
    Double d = clothingDeltaE(bgr, alpha, g, colour);
    if (d == null) {
      return;
    }
    metrics.put("clothingDeltaE", d);
    if (d < Thresholds.MIN_CLOTHING_DELTA_E) {
      findings.add(
          finding(
              FindingCode.CLOTHING_MATCHES_BACKGROUND,
              Severity.REJECT,
              Standardizer.round1(d),
              "ΔE ≥ " + Thresholds.MIN_CLOTHING_DELTA_E,
              "ΔE"));
    }
  }

  /** Adds a finding when {@code value} is below {@code min}. */
  private static void atLeast(
      List<PhotoFinding> out,
      FindingCode code,
      Severity sev,
      double value,
      double min,
      String unit) {
    if (value < min) {
      out.add(finding(code, sev, Standardizer.round2(value), "≥ " + min, unit));
    }
  }

  /** Adds a finding when {@code value} is above {@code max}. */
  private static void atMost(
      List<PhotoFinding> out,
      FindingCode code,
      Severity sev,
      double value,
      double max,
      String unit) {
    if (value > max) {
      out.add(finding(code, sev, Standardizer.round2(value), "≤ " + max, unit));
    }
  }

  static PhotoFinding finding(
      FindingCode code, Severity severity, Double measured, String threshold, String unit) {
    return new PhotoFinding(code, severity, Messages.of(code), measured, threshold, unit);
  }

  private static boolean has(List<PhotoFinding> findings, FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
