package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.engine.io.HeaderReader;
import org.gradphoto.engine.io.ImageDecoder;
import org.gradphoto.engine.io.ImageHeader;
import org.gradphoto.engine.io.JpegWriter;
import org.gradphoto.engine.vision.FaceBox;
import org.gradphoto.engine.vision.FaceMesh;
import org.gradphoto.engine.vision.Vision;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** One run of the pipeline: decode, detect, measure, frame, matte, check, encode. */
final class Standardizer {
  /**
   * Detection and the mask need no more than this; large JPEGs decode reduced (in the DCT, much
   * cheaper than a full decode) to at least it. A face too small for the output at that size
   * triggers a finer second decode.
   */
  private static final int WORK_LONG_SIDE = 800;

  private static final int MASK = 256;

  private final Vision vision;

  Standardizer(Vision vision) {
    this.vision = vision;
  }

  /** What the checks saw; {@code metrics} holds every number for debugging and tuning. */
  record Outcome(StandardizeResult result, Map<String, Double> metrics) {}

  Outcome run(byte[] input, SpecProfile p, Optional<CropHint> hint, BackgroundColour colour)
      throws InputRejectedException {
    long t0 = System.nanoTime();
    ImageHeader header = HeaderReader.read(input);
    int reduction = ImageDecoder.reductionFor(header, WORK_LONG_SIDE);
    ImageDecoder.Decoded decoded = ImageDecoder.decode(input, header, reduction);
    Mat work = decoded.bgr();
    long t1 = System.nanoTime();
    Mat render = null;
    try {
      Frame frame;
      try (Vision.Models models = vision.borrow()) {
        frame = analyse(work, p, hint, models, reduction);
      }
      frame.metrics.put("msDecode", (t1 - t0) / 1e6);
      frame.metrics.put("msAnalyse", (System.nanoTime() - t1) / 1e6);
      if (frame.mesh == null) {
        return noFace(frame, p);
      }
      double upscale = frame.crop.scale() / reduction;
      frame.metrics.put("upscale", upscale);
      render = work;
      double renderPerWork = 1;
      if (reduction > 1 && frame.crop.scale() > 1.0) {
        // The reduced decode would be upscaled: decode finer (rare: small face in a big photo).
        int finer = reduction;
        while (finer > 1 && frame.crop.scale() * finer / reduction > 1.0) {
          finer /= 2;
        }
        render = ImageDecoder.decode(input, header, finer).bgr();
        renderPerWork = (double) reduction / finer;
      }
      return finish(render, renderPerWork, p, colour, frame);
    } finally {
      work.release();
      if (render != null && render != work) {
        render.release();
      }
    }
  }

  /** Everything learnt from the working image. */
  private static final class Frame {
    final Map<String, Double> metrics = new java.util.LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();
    FaceMesh mesh;
    Mat mask; // person probability, MASK×MASK over region
    Rect region;
    CropSolver.Crop crop;
    int reduction;
    int workWidth;
    int workHeight;
  }

  private Frame analyse(
      Mat work, SpecProfile p, Optional<CropHint> hint, Vision.Models models, int reduction) {
    Frame fr = new Frame();
    fr.reduction = reduction;
    fr.workWidth = work.cols();
    fr.workHeight = work.rows();
    long t0 = System.nanoTime();
    List<FaceBox> faces = models.detectFaces(work);
    fr.metrics.put("msDetect", (System.nanoTime() - t0) / 1e6);
    CropSolver.Hint h =
        hint.map(
                c ->
                    new CropSolver.Hint(
                        c.x() * work.cols(),
                        c.y() * work.rows(),
                        c.width() * work.cols(),
                        c.height() * work.rows()))
            .orElse(null);
    if (h != null) {
      faces =
          faces.stream()
              .filter(
                  f ->
                      f.centreX() >= h.x()
                          && f.centreX() <= h.x() + h.width()
                          && f.centreY() >= h.y()
                          && f.centreY() <= h.y() + h.height())
              .toList();
    }
    fr.metrics.put("faces", (double) faces.size());
    if (faces.isEmpty()) {
      fr.findings.add(finding(FindingCode.NO_FACE, Severity.REJECT, null, null, null));
      return fr;
    }
    FaceBox main =
        faces.stream().max((a, b) -> Double.compare(a.box().area(), b.box().area())).get();
    long others =
        faces.stream()
            .filter(f -> f != main)
            .filter(
                f -> f.box().width >= Thresholds.OTHER_FACE_MIN_RELATIVE_WIDTH * main.box().width)
            .count();
    long t1 = System.nanoTime();
    FaceMesh mesh = models.landmarks(work, main);
    fr.metrics.put("msMesh", (System.nanoTime() - t1) / 1e6);
    fr.metrics.put("meshPresence", mesh.presence());
    if (mesh.presence() < 0.5) {
      fr.findings.add(
          finding(FindingCode.NO_FACE, Severity.REJECT, mesh.presence(), "≥ 0.5", "score"));
      return fr;
    }
    fr.mesh = mesh;
    if (others > 0) {
      fr.findings.add(
          finding(FindingCode.MULTIPLE_FACES, Severity.REJECT, (double) others + 1, "1", "faces"));
    }
    double fw = mesh.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    double cx = (mesh.x()[FaceMesh.RIGHT_CHEEK] + mesh.x()[FaceMesh.LEFT_CHEEK]) / 2;
    double eyeY = (mesh.rightEye().y + mesh.leftEye().y) / 2;
    int rx0 = clamp((int) Math.floor(cx - 1.7 * fw), 0, work.cols() - 1);
    int rx1 = clamp((int) Math.ceil(cx + 1.7 * fw), rx0 + 1, work.cols());
    int ry0 = clamp((int) Math.floor(eyeY - 2.1 * fw), 0, work.rows() - 1);
    int ry1 = clamp((int) Math.ceil(eyeY + 2.3 * fw), ry0 + 1, work.rows());
    fr.region = new Rect(rx0, ry0, rx1 - rx0, ry1 - ry0);
    Mat sub = work.submat(fr.region);
    long t2 = System.nanoTime();
    fr.mask = models.personMask(sub);
    fr.metrics.put("msSegment", (System.nanoTime() - t2) / 1e6);
    sub.release();

    double headTop = headTopInMask(fr.mask, fr.region, cx, fw, eyeY);
    boolean hairAtTop = headTop <= fr.region.y + 0.5 && fr.region.y == 0;
    double chinY = mesh.y()[FaceMesh.CHIN];
    boolean chinOut = chinY >= work.rows() - 1;
    boolean sideOut =
        mesh.x()[FaceMesh.RIGHT_CHEEK] < 0 || mesh.x()[FaceMesh.LEFT_CHEEK] > work.cols() - 1;
    fr.metrics.put("headTopWork", headTop);
    if (hairAtTop || chinOut || sideOut) {
      fr.findings.add(finding(FindingCode.HEAD_CUT_OFF, Severity.REJECT, null, null, null));
    }
    boolean atBottom =
        fr.region.y + fr.region.height >= work.rows() && edgeMean(fr.mask, Edge.BOTTOM) >= 0.5;
    boolean atLeft = fr.region.x == 0 && edgeMean(fr.mask, Edge.LEFT) >= 0.5;
    boolean atRight =
        fr.region.x + fr.region.width >= work.cols() && edgeMean(fr.mask, Edge.RIGHT) >= 0.5;
    CropSolver.Source src =
        new CropSolver.Source(work.cols(), work.rows(), atBottom, atLeft, atRight, reduction);
    fr.crop = CropSolver.solve(p, new CropSolver.Face(headTop, eyeY, fw, cx), src, h);
    return fr;
  }

  private enum Edge {
    BOTTOM,
    LEFT,
    RIGHT
  }

  /** Mean person probability along the lower half of an edge of the mask. */
  private static double edgeMean(Mat mask, Edge e) {
    Mat line =
        switch (e) {
          case BOTTOM -> mask.submat(MASK - 1, MASK, MASK / 4, 3 * MASK / 4);
          case LEFT -> mask.submat(MASK / 2, MASK, 0, 1);
          case RIGHT -> mask.submat(MASK / 2, MASK, MASK - 1, MASK);
        };
    return Core.mean(line).val[0];
  }

  /**
   * Top of the hair: from the eye row upwards, the first row where the person probability over the
   * central face band drops below one half. Starting inside the head ignores stray blobs above it.
   */
  private static double headTopInMask(Mat mask, Rect region, double cx, double fw, double eyeY) {
    double sx = (double) MASK / region.width;
    double sy = (double) MASK / region.height;
    int c0 = clamp((int) Math.floor((cx - 0.3 * fw - region.x) * sx), 0, MASK - 1);
    int c1 = clamp((int) Math.ceil((cx + 0.3 * fw - region.x) * sx), c0 + 1, MASK);
    int eyeRow = clamp((int) Math.round((eyeY - region.y) * sy), 0, MASK - 1);
    float[] row = new float[c1 - c0];
    double below = bandMean(mask, eyeRow, c0, c1, row);
    for (int r = eyeRow - 1; r >= 0; r--) {
      double m = bandMean(mask, r, c0, c1, row);
      if (m < 0.5) {
        double frac = (0.5 - m) / Math.max(1e-6, below - m);
        return region.y + (r + 0.5 + frac) / sy;
      }
      below = m;
    }
    return region.y;
  }

  private static double bandMean(Mat mask, int r, int c0, int c1, float[] buf) {
    mask.get(r, c0, buf);
    double s = 0;
    for (float v : buf) {
      s += v;
    }
    return s / buf.length;
  }

  private Outcome finish(
      Mat render, double renderPerWork, SpecProfile p, BackgroundColour colour, Frame fr) {
    int outW = p.widthPx();
    int outH = p.heightPx();
    CropSolver.Crop c = fr.crop;
    double s = c.scale() / renderPerWork;
    long r0 = System.nanoTime();
    Mat out = resample(render, s, c.x0() * renderPerWork, c.y0() * renderPerWork, outW, outH);
    Rect valid = validRect(render, s, c.x0() * renderPerWork, c.y0() * renderPerWork, outW, outH);

    // Coarse mask → output frame.
    double mx = (double) MASK / fr.region.width;
    double my = (double) MASK / fr.region.height;
    Mat toMask = new Mat(2, 3, CvType.CV_64F);
    toMask.put(
        0,
        0,
        mx / c.scale(),
        0,
        (c.x0() - fr.region.x + 0.5 / c.scale()) * mx - 0.5,
        0,
        my / c.scale(),
        (c.y0() - fr.region.y + 0.5 / c.scale()) * my - 0.5);
    Mat coarse = new Mat();
    Imgproc.warpAffine(
        fr.mask,
        coarse,
        toMask,
        new Size(outW, outH),
        Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
        Core.BORDER_CONSTANT,
        new Scalar(0));
    // Grey levels and their gradient are read by the matte and by several checks: made once.
    Mat grey = Metrics.luma(out);
    Mat gradient = Lighting.gradient(grey);
    long rm0 = System.nanoTime();
    Mat[] refined = Compositor.refineAlpha(out, grey, coarse);
    fr.metrics.put("msRefine", (System.nanoTime() - rm0) / 1e6);
    Mat alpha = refined[0];
    Mat separation = refined[1];
    Mat outside = Mat.ones(outH, outW, CvType.CV_8U);
    outside.submat(valid).setTo(new Scalar(0));
    alpha.setTo(new Scalar(0), outside);
    FaceMesh onOutput = Metrics.toOutput(fr.mesh, c.scale(), c.x0(), c.y0());
    long rm1 = System.nanoTime();
    MatteCleanup.keepConnectedToPerson(alpha, onOutput);
    fr.metrics.put("msConnected", (System.nanoTime() - rm1) / 1e6);
    double outEyeY = (onOutput.rightEye().y + onOutput.leftEye().y) / 2;
    double outFw = onOutput.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    // The head's outline (hair, face) is where a guessed matte shows: read it above the chin line.
    int chinRow = Math.max(1, Math.min(outH, (int) Math.round(outEyeY + 0.9 * outFw)));
    Mat headAlpha = alpha.rowRange(0, chinRow);
    Mat headSeparation = separation.rowRange(0, chinRow);
    fr.metrics.put("headOutlineAlike", outlineAlike(headAlpha, headSeparation));
    headAlpha.release();
    headSeparation.release();
    MatteCleanup.hardenBelow(alpha, (int) Math.round(outEyeY + 0.9 * outFw), 2.5);
    double wall = wallTexture(gradient, alpha, valid);
    fr.metrics.put("wallTexture", wall);
    long rm2 = System.nanoTime();
    MatteCleanup.keepAttachments(alpha, grey, onOutput, wall);
    fr.metrics.put("msAttachments", (System.nanoTime() - rm2) / 1e6);
    alpha.setTo(new Scalar(0), outside);

    long r1 = System.nanoTime();
    fr.metrics.put("msRenderMatte", (r1 - r0) / 1e6);
    FaceMesh m = onOutput;
    Geometry g = measure(m, alpha);
    fr.metrics.put("bottomOverflowPx", c.bottomOverflowPx());
    fr.metrics.put("sideOverflowPx", c.sideOverflowPx());
    checkFraming(p, fr, g);
    checkFace(fr, m, g);
    checkPhoto(fr, out, grey, gradient, alpha, valid, m, g);
    checkClothing(fr.findings, fr.metrics, out, alpha, g, colour);

    long c0 = System.nanoTime();
    fr.metrics.put("msChecks", (c0 - r1) / 1e6);
    if (fr.findings.stream().anyMatch(f -> f.code().blocksOutput())) {
      for (Mat x : List.of(out, grey, gradient, toMask, coarse, alpha, outside, separation)) {
        x.release();
      }
      fr.mask.release();
      return new Outcome(withoutPhoto(p, fr.findings, g), fr.metrics);
    }
    Mat fg = Compositor.foreground(out, alpha);
    Mat composed = Compositor.composite(fg, alpha, colour);
    Mat cut = Compositor.cutout(fg, alpha);
    Cutout cutout = Cutout.of(cut);
    long c1 = System.nanoTime();
    StandardizeResult result = encode(p, composed, cutout, fr.findings, g, fr.metrics);
    fr.metrics.put("msComposite", (c1 - c0) / 1e6);
    fr.metrics.put("msEncode", (System.nanoTime() - c1) / 1e6);
    for (Mat x : List.of(grey, gradient, toMask, coarse, alpha, outside, separation)) {
      x.release();
    }
    for (Mat x : List.of(out, fg, composed, cut)) {
      x.release();
    }
    fr.mask.release();
    return new Outcome(result, fr.metrics);
  }

  /**
   * Share of the outline (alpha between 0.3 and 0.7) where the local person and background colours
   * are closer than the refinement can tell apart (also where neither has sure pixels nearby): how
   * much of the cut-out is a guess. 0 when the outline is too short to say.
   */
  private static double outlineAlike(Mat alpha, Mat separation) {
    Mat edge = new Mat();
    Core.inRange(alpha, new Scalar(0.3), new Scalar(0.7), edge);
    Mat alike = new Mat();
    Core.inRange(separation, new Scalar(0), new Scalar(Compositor.MIN_SEPARATION), alike);
    Core.bitwise_and(alike, edge, alike);
    double n = Core.countNonZero(edge);
    double v = n < Thresholds.MIN_HEAD_OUTLINE_PX ? 0 : Core.countNonZero(alike) / n;
    edge.release();
    alike.release();
    return v;
  }

  /** What is surely background: away from the person (alpha < 0.03, 4 px in) and in the source. */
  static Mat sureBackground(Mat alpha, Rect valid) {
    Mat bg = new Mat();
    Imgproc.threshold(alpha, bg, 0.03, 255, Imgproc.THRESH_BINARY_INV);
    bg.convertTo(bg, CvType.CV_8U);
    Imgproc.erode(bg, bg, FaceRegions.disc(9));
    Mat inside = Mat.zeros(bg.size(), CvType.CV_8U);
    inside.submat(valid).setTo(new Scalar(255));
    Core.bitwise_and(bg, inside, bg);
    inside.release();
    return bg;
  }

  /** Texture of what is surely background (away from the person, inside the source). */
  private static double wallTexture(Mat gradient, Mat alpha, Rect valid) {
    Mat bg = sureBackground(alpha, valid);
    double t = Core.countNonZero(bg) < 200 ? 0 : Lighting.texture(gradient, bg);
    bg.release();
    return t;
  }

  /** Output-size image: output pixel (u, v) shows source (x0 + (u + ½)/s, y0 + (v + ½)/s). */
  static Mat resample(Mat src, double s, double x0, double y0, int outW, int outH) {
    int ix0 = clamp((int) Math.floor(x0) - 2, 0, src.cols() - 1);
    int iy0 = clamp((int) Math.floor(y0) - 2, 0, src.rows() - 1);
    int ix1 = clamp((int) Math.ceil(x0 + outW / s) + 2, ix0 + 1, src.cols());
    int iy1 = clamp((int) Math.ceil(y0 + outH / s) + 2, iy0 + 1, src.rows());
    Mat crop = src.submat(iy0, iy1, ix0, ix1);
    Mat base = crop;
    double ax = 1;
    double ay = 1;
    int f = (int) Math.floor(1 / s);
    if (f >= 2) {
      // Area-average big reductions first; a plain warp would alias (moiré, false sharpness).
      Size sz =
          new Size(
              Math.max(1, Math.round(crop.cols() / (double) f)),
              Math.max(1, Math.round(crop.rows() / (double) f)));
      base = new Mat();
      Imgproc.resize(crop, base, sz, 0, 0, Imgproc.INTER_AREA);
      ax = sz.width / crop.cols();
      ay = sz.height / crop.rows();
    }
    Mat m = new Mat(2, 3, CvType.CV_64F);
    m.put(
        0,
        0,
        ax / s,
        0,
        (x0 - ix0 + 0.5 / s) * ax - 0.5,
        0,
        ay / s,
        (y0 - iy0 + 0.5 / s) * ay - 0.5);
    Mat out = new Mat();
    Imgproc.warpAffine(
        base,
        out,
        m,
        new Size(outW, outH),
        (s > 1 ? Imgproc.INTER_CUBIC : Imgproc.INTER_LINEAR) | Imgproc.WARP_INVERSE_MAP,
        Core.BORDER_REPLICATE);
    if (base != crop) {
      base.release();
    }
    crop.release();
    m.release();
    return out;
  }

  /** Output pixels whose source pixel exists. */
  private static Rect validRect(Mat src, double s, double x0, double y0, int outW, int outH) {
    int u0 = clamp((int) Math.ceil(-x0 * s), 0, outW - 1);
    int v0 = clamp((int) Math.ceil(-y0 * s), 0, outH - 1);
    int u1 = clamp((int) Math.floor((src.cols() - x0) * s), u0 + 1, outW);
    int v1 = clamp((int) Math.floor((src.rows() - y0) * s), v0 + 1, outH);
    return new Rect(u0, v0, u1 - u0, v1 - v0);
  }

  private static Geometry measure(FaceMesh m, Mat alpha) {
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    double cx = (m.x()[FaceMesh.RIGHT_CHEEK] + m.x()[FaceMesh.LEFT_CHEEK]) / 2;
    double eyeY = (m.rightEye().y + m.leftEye().y) / 2;
    return new Geometry(
        round1(headTopOnOutput(alpha, cx, fw, eyeY)),
        round1(eyeY),
        round1(fw),
        round1(cx),
        round1(Metrics.rollDeg(m)),
        round1(Metrics.yawDeg(m)));
  }

  /** Head top on the output matte, scanning up from the eye line (as in the source). */
  private static double headTopOnOutput(Mat alpha, double cx, double fw, double eyeY) {
    int c0 = clamp((int) Math.floor(cx - 0.3 * fw), 0, alpha.cols() - 1);
    int c1 = clamp((int) Math.ceil(cx + 0.3 * fw), c0 + 1, alpha.cols());
    int eyeRow = clamp((int) Math.round(eyeY), 0, alpha.rows() - 1);
    float[] buf = new float[c1 - c0];
    double below = bandMean(alpha, eyeRow, c0, c1, buf);
    for (int r = eyeRow - 1; r >= 0; r--) {
      double v = bandMean(alpha, r, c0, c1, buf);
      if (v < 0.5) {
        return r + 0.5 + (0.5 - v) / Math.max(1e-6, below - v);
      }
      below = v;
    }
    return 0;
  }

  private static void checkFraming(SpecProfile p, Frame fr, Geometry g) {
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
              round1(overflow),
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

  private static void geometry(List<Finding> out, String what, double v, SpecProfile.Window w) {
    if (!w.contains(v)) {
      out.add(
          new Finding(
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

  private static void checkFace(Frame fr, FaceMesh m, Geometry g) {
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

  private static void checkPhoto(
      Frame fr, Mat out, Mat grey, Mat gradient, Mat alpha, Rect valid, FaceMesh m, Geometry g) {
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
              round2(ratio),
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
              round2(texture),
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
      Frame fr, double backgroundTexture, Mat out, Mat alpha, Rect valid) {
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
      List<Finding> findings,
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
              round1(d),
              "ΔE ≥ " + Thresholds.MIN_CLOTHING_DELTA_E,
              "ΔE"));
    }
  }

  private Outcome noFace(Frame fr, SpecProfile p) {
    // Nothing to frame: a centre crop would show the old background as if it were a result.
    return new Outcome(withoutPhoto(p, fr.findings, null), fr.metrics);
  }

  /** The report alone, for a photo with a finding that blocks the output. */
  static StandardizeResult withoutPhoto(SpecProfile p, List<Finding> findings, Geometry g) {
    return new StandardizeResult(null, null, new Report(p.id(), false, g, findings, null));
  }

  static StandardizeResult encode(
      SpecProfile p,
      Mat composed,
      Cutout cutout,
      List<Finding> findings,
      Geometry g,
      Map<String, Double> metrics) {
    JpegWriter.Encoded jpeg =
        JpegWriter.encode(
            composed,
            p.dpi(),
            p.minJpegQuality(),
            (int) Math.ceil(p.fileSizeKb().min() * 1024),
            (int) Math.floor(p.fileSizeKb().max() * 1000));
    List<Finding> all = new ArrayList<>(findings);
    if (!jpeg.inWindow()) {
      all.add(
          finding(
              FindingCode.FILE_SIZE_OUT_OF_SPEC,
              Severity.WARN,
              round1(jpeg.bytes().length / 1024.0),
              p.fileSizeKb().toString(),
              "KB"));
    }
    metrics.put("jpegQuality", (double) jpeg.quality());
    boolean accepted = all.stream().noneMatch(f -> f.severity() == Severity.REJECT);
    Report report =
        new Report(
            p.id(),
            accepted,
            g,
            all,
            new OutputInfo(
                p.widthPx(), p.heightPx(), p.dpi(), jpeg.quality(), jpeg.bytes().length));
    return new StandardizeResult(jpeg.bytes(), cutout, report);
  }

  /** Adds a finding when {@code value} is below {@code min}. */
  private static void atLeast(
      List<Finding> out, FindingCode code, Severity sev, double value, double min, String unit) {
    if (value < min) {
      out.add(finding(code, sev, round2(value), "≥ " + min, unit));
    }
  }

  /** Adds a finding when {@code value} is above {@code max}. */
  private static void atMost(
      List<Finding> out, FindingCode code, Severity sev, double value, double max, String unit) {
    if (value > max) {
      out.add(finding(code, sev, round2(value), "≤ " + max, unit));
    }
  }

  static Finding finding(
      FindingCode code, Severity severity, Double measured, String threshold, String unit) {
    return new Finding(code, severity, Messages.of(code), measured, threshold, unit);
  }

  private static boolean has(List<Finding> findings, FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
