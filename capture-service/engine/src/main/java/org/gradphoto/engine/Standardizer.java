package org.gradphoto.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.engine.io.HeaderReader;
import org.gradphoto.engine.io.ImageDecoder;
import org.gradphoto.engine.io.ImageHeader;
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

  Outcome run(byte[] input, SpecProfile p, Optional<GuideFrame> hint, BackgroundColour colour)
      throws InputRejectedException {
    long t0 = System.nanoTime();
    ImageHeader header = HeaderReader.read(input);
    int reduction = ImageDecoder.reductionFor(header, WORK_LONG_SIDE);
    ImageDecoder.Decoded decoded = ImageDecoder.decode(input, header, reduction);
    Mat work = decoded.bgr();
    long t1 = System.nanoTime();
    Mat render = null;
    try {
      Analysis frame;
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

  private Analysis analyse(
      Mat work, SpecProfile p, Optional<GuideFrame> hint, Vision.Models models, int reduction) {
    Analysis fr = new Analysis();
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
      fr.findings.add(PhotoChecks.finding(FindingCode.NO_FACE, Severity.REJECT, null, null, null));
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
          PhotoChecks.finding(
              FindingCode.NO_FACE, Severity.REJECT, mesh.presence(), "≥ 0.5", "score"));
      return fr;
    }
    fr.mesh = mesh;
    if (others > 0) {
      fr.findings.add(
          PhotoChecks.finding(
              FindingCode.MULTIPLE_FACES, Severity.REJECT, (double) others + 1, "1", "faces"));
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
      fr.findings.add(
          PhotoChecks.finding(FindingCode.HEAD_CUT_OFF, Severity.REJECT, null, null, null));
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

  static double bandMean(Mat mask, int r, int c0, int c1, float[] buf) {
    mask.get(r, c0, buf);
    double s = 0;
    for (float v : buf) {
      s += v;
    }
    return s / buf.length;
  }

  private Outcome finish(
      Mat render, double renderPerWork, SpecProfile p, BackgroundColour colour, Analysis fr) {
    int outW = p.widthPx();
    int outH = p.heightPx();
    CropSolver.Crop c = fr.crop;
    double s = c.scale() / renderPerWork;
    long r0 = System.nanoTime();
    Mat out =
        Rendering.resample(render, s, c.x0() * renderPerWork, c.y0() * renderPerWork, outW, outH);
    Rect valid =
        Rendering.validRect(render, s, c.x0() * renderPerWork, c.y0() * renderPerWork, outW, outH);

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
    Geometry g = PhotoChecks.measure(m, alpha);
    fr.metrics.put("bottomOverflowPx", c.bottomOverflowPx());
    fr.metrics.put("sideOverflowPx", c.sideOverflowPx());
    PhotoChecks.checkFraming(p, fr, g);
    PhotoChecks.checkFace(fr, m, g);
    PhotoChecks.checkPhoto(fr, out, grey, gradient, alpha, valid, m, g);
    PhotoChecks.checkClothing(fr.findings, fr.metrics, out, alpha, g, colour);

    long c0 = System.nanoTime();
    fr.metrics.put("msChecks", (c0 - r1) / 1e6);
    if (fr.findings.stream().anyMatch(f -> f.code().blocksOutput())) {
      for (Mat x : List.of(out, grey, gradient, toMask, coarse, alpha, outside, separation)) {
        x.release();
      }
      fr.mask.release();
      return new Outcome(Rendering.withoutPhoto(p, fr.findings, g), fr.metrics);
    }
    Mat fg = Compositor.foreground(out, alpha);
    Mat composed = Compositor.composite(fg, alpha, colour);
    Mat cut = Compositor.cutout(fg, alpha);
    Cutout cutout = Cutout.of(cut);
    long c1 = System.nanoTime();
    StandardizeResult result = Rendering.encode(p, composed, cutout, fr.findings, g, fr.metrics);
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

  private Outcome noFace(Analysis fr, SpecProfile p) {
    // Nothing to frame: a centre crop would show the old background as if it were a result.
    return new Outcome(Rendering.withoutPhoto(p, fr.findings, null), fr.metrics);
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
