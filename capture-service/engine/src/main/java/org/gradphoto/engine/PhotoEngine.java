package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.engine.vision.Vision;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Turns a phone photo into a spec photo plus findings a student can act on.
 *
 * <p>Thread-safe: load one engine per process and call it from any number of threads. Each call
 * borrows one of a small pool of model sets (OpenCV networks are not thread-safe); at most {@code
 * maxConcurrent} calls run inference at once, the rest wait.
 */
public final class PhotoEngine {
  private static volatile boolean nativeLoaded;

  private final Standardizer standardizer;

  private PhotoEngine(int maxConcurrent) {
    loadNative();
    this.standardizer = new Standardizer(new Vision(maxConcurrent));
  }

  /** Loads OpenCV (once per process) and the models, with one model set per processor. */
  public static PhotoEngine load() {
    return load(Runtime.getRuntime().availableProcessors());
  }

  /** Same, with at most {@code maxConcurrent} model sets. */
  public static PhotoEngine load(int maxConcurrent) {
    return new PhotoEngine(maxConcurrent);
  }

  /** Loads the OpenCV native library once per process. */
  public static synchronized void loadNative() {
    if (!nativeLoaded) {
      nu.pattern.OpenCV.loadLocally();
      nativeLoaded = true;
    }
  }

  /**
   * OpenCV's own threads for the image work of every call in this process (OpenCV keeps one setting
   * per process). 1 runs each call on its caller's thread alone, which is right when the caller
   * already runs about one call per core; 0 or less leaves OpenCV's default (one per core).
   */
  public static void openCvThreads(int threads) {
    loadNative();
    if (threads > 0) {
      Core.setNumThreads(threads);
    }
  }

  /** OpenCV's current thread setting (see {@link #openCvThreads}). */
  public static int openCvThreads() {
    loadNative();
    return Core.getNumThreads();
  }

  /**
   * Standardizes one upload.
   *
   * @param input the uploaded bytes (JPEG, PNG or WebP, recognised by content)
   * @param profile the spec to meet
   * @param hint the student's guide-frame rectangle, if any
   * @param colour background colour; must be one the profile allows
   * @throws InputRejectedException when the bytes are not a safe, complete image
   */
  public StandardizeResult standardize(
      byte[] input, SpecProfile profile, Optional<GuideFrame> hint, BackgroundColour colour)
      throws InputRejectedException {
    return run(input, profile, hint, colour).result();
  }

  /** Standardizes with the profile's default colour and no hint. */
  public StandardizeResult standardize(byte[] input, SpecProfile profile)
      throws InputRejectedException {
    return standardize(input, profile, Optional.empty(), profile.backgrounds().get(0));
  }

  /** Same as standardize, also returning every internal measurement (for tuning tools). */
  Standardizer.Outcome run(
      byte[] input, SpecProfile profile, Optional<GuideFrame> hint, BackgroundColour colour)
      throws InputRejectedException {
    if (!profile.allows(colour)) {
      throw new IllegalArgumentException(
          "colour " + colour.hex() + " not allowed by profile " + profile.id());
    }
    return standardizer.run(input, profile, hint, colour);
  }

  /**
   * Re-renders an earlier result on another background colour from its cut-out, without detection
   * or segmentation (a few milliseconds). The framing is unchanged; a new framing needs {@link
   * #standardize} on the original upload.
   */
  public StandardizeResult recolour(
      StandardizeResult earlier, SpecProfile profile, BackgroundColour colour) {
    if (!profile.allows(colour)) {
      throw new IllegalArgumentException(
          "colour " + colour.hex() + " not allowed by profile " + profile.id());
    }
    if (!earlier.hasPhoto()) {
      throw new IllegalArgumentException("no photo to recolour: a finding blocked the output");
    }
    Cutout cutout = earlier.cutout();
    if (cutout.width() != profile.widthPx() || cutout.height() != profile.heightPx()) {
      throw new IllegalArgumentException("cut-out does not match the profile");
    }
    Mat bgra = cutout.pixels();
    List<Mat> ch = new ArrayList<>();
    Core.split(bgra, ch);
    Mat alpha = new Mat();
    ch.get(3).convertTo(alpha, CvType.CV_32F, 1 / 255.0);
    Mat fg8 = new Mat();
    Core.merge(ch.subList(0, 3), fg8);
    Mat fg = new Mat();
    fg8.convertTo(fg, CvType.CV_32FC3);
    Mat composed = Compositor.composite(fg, alpha, colour);
    Report old = earlier.report();
    List<PhotoFinding> findings = new ArrayList<>();
    for (PhotoFinding f : old.findings()) {
      if (f.code() != FindingCode.CLOTHING_MATCHES_BACKGROUND
          && f.code() != FindingCode.FILE_SIZE_OUT_OF_SPEC) {
        findings.add(f);
      }
    }
    Map<String, Double> metrics = new java.util.HashMap<>();
    if (old.geometry() != null) {
      PhotoChecks.checkClothing(findings, metrics, fg8, alpha, old.geometry(), colour);
    }
    StandardizeResult r =
        Rendering.encode(profile, composed, cutout, findings, old.geometry(), metrics);
    for (Mat m : ch) {
      m.release();
    }
    for (Mat m : List.of(bgra, alpha, fg8, fg, composed)) {
      m.release();
    }
    return r;
  }
}
