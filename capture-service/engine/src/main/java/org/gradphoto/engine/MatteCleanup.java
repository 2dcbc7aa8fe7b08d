package org.gradphoto.engine;

import java.util.List;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** What the refined matte still gets wrong, fixed with what is known about a portrait. */
final class MatteCleanup {
  private MatteCleanup() {}

  /**
   * Keeps only the person: the part of the matte joined to the face, plus parts reaching the bottom
   * of the frame (the body below an arm, say). Everything else above half alpha is a piece of the
   * old background the mask took for the person (a shelf beside the hair): it goes.
   */
  static void keepConnectedToPerson(Mat alpha, FaceMesh m) {
    Mat solid = new Mat();
    Imgproc.threshold(alpha, solid, 0.5, 255, Imgproc.THRESH_BINARY);
    solid.convertTo(solid, CvType.CV_8U);
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int n = Imgproc.connectedComponentsWithStats(solid, labels, stats, centroids, 8, CvType.CV_32S);
    int fx = clamp((int) Math.round(m.x()[FaceMesh.NOSE_TIP]), alpha.cols());
    int fy = clamp((int) Math.round(m.y()[FaceMesh.NOSE_TIP]), alpha.rows());
    int face = (int) labels.get(fy, fx)[0];
    Mat drop = Mat.zeros(alpha.size(), CvType.CV_8U);
    Mat one = new Mat();
    boolean[] dropped = new boolean[n];
    for (int i = 1; i < n; i++) {
      int top = (int) stats.get(i, Imgproc.CC_STAT_TOP)[0];
      int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
      boolean body = top + h >= alpha.rows();
      dropped[i] = i != face && !body;
    }
    select(labels, dropped, drop);
    // Their soft rims go with them, but never into the part that stays.
    Imgproc.dilate(drop, drop, FaceRegions.disc(5));
    Mat keep = new Mat();
    Core.subtract(solid, drop, keep);
    Mat zero = new Mat();
    Core.subtract(drop, keep, zero);
    alpha.setTo(new Scalar(0), zero);
    for (Mat x : List.of(solid, labels, stats, centroids, drop, one, keep, zero)) {
      x.release();
    }
  }

  /**
   * Keeps what hangs from the head: beside the jaw and below the ears (earrings, a hair clip), a
   * textured thing joined to the person in front of a plain wall is the subject's, even when its
   * colour is the wall's (white pompoms on a white wall) and the mask left it out. The spec's
   * honesty rule forbids painting part of the subject in the new colour.
   */
  static void keepAttachments(Mat alpha, Mat luma, FaceMesh m, double wallTexture) {
    if (wallTexture > PLAIN_WALL_TEXTURE) {
      return; // on a busy background texture does not tell the subject from the wall
    }
    double fw = m.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
    double eyeY = (m.rightEye().y + m.leftEye().y) / 2;
    int y0 = clamp((int) Math.round(eyeY + 0.15 * fw), alpha.rows());
    int y1 = clamp((int) Math.round(m.y()[FaceMesh.CHIN] + 0.4 * fw), alpha.rows());
    if (y1 - y0 < 4) {
      return;
    }
    Mat zone = Mat.zeros(alpha.size(), CvType.CV_8U);
    int zx0 = alpha.cols();
    int zx1 = 0;
    for (double cheekX : new double[] {m.x()[FaceMesh.RIGHT_CHEEK], m.x()[FaceMesh.LEFT_CHEEK]}) {
      int x0 = clamp((int) Math.round(cheekX - 0.3 * fw), alpha.cols());
      int x1 = clamp((int) Math.round(cheekX + 0.3 * fw), alpha.cols());
      if (x1 > x0) {
        zone.submat(new Rect(x0, y0, x1 - x0, y1 - y0)).setTo(new Scalar(255));
        zx0 = Math.min(zx0, x0);
        zx1 = Math.max(zx1, x1);
      }
    }
    if (zx1 <= zx0) {
      zone.release();
      return;
    }
    // Local variance only where it is read (the zones beside the jaw), from a cut 2 px wider on
    // each side so the 5×5 windows see the same pixels as on the whole frame.
    Rect cut =
        new Rect(
            Math.max(0, zx0 - 2),
            Math.max(0, y0 - 2),
            Math.min(alpha.cols(), zx1 + 2) - Math.max(0, zx0 - 2),
            Math.min(alpha.rows(), y1 + 2) - Math.max(0, y0 - 2));
    Mat grey = new Mat();
    luma.submat(cut).convertTo(grey, CvType.CV_32F);
    Mat mean = new Mat();
    Mat sq = new Mat();
    Size k = new Size(5, 5);
    Imgproc.blur(grey, mean, k);
    Core.multiply(grey, grey, sq);
    Imgproc.blur(sq, sq, k);
    Mat var = new Mat();
    Core.multiply(mean, mean, mean);
    Core.subtract(sq, mean, var);
    Mat texturedCut = new Mat();
    double level = Math.max(16, 16 * wallTexture * wallTexture);
    Imgproc.threshold(var, texturedCut, level, 255, Imgproc.THRESH_BINARY);
    Mat textured = Mat.zeros(alpha.size(), CvType.CV_8U);
    texturedCut.convertTo(textured.submat(cut), CvType.CV_8U);
    texturedCut.release();
    Core.bitwise_and(textured, zone, textured);
    // Only what the matte surely left out: the outline's own edge is textured too.
    Mat person = new Mat();
    Imgproc.threshold(alpha, person, 0.05, 255, Imgproc.THRESH_BINARY);
    person.convertTo(person, CvType.CV_8U);
    Mat near = new Mat();
    Imgproc.dilate(person, near, FaceRegions.disc(5));
    Core.subtract(textured, near, textured);
    // Close the texture into solid shapes and fill them; keep those touching the person.
    Imgproc.morphologyEx(textured, textured, Imgproc.MORPH_CLOSE, FaceRegions.disc(7));
    List<MatOfPoint> shapes = new java.util.ArrayList<>();
    Imgproc.findContours(
        textured.clone(), shapes, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
    Imgproc.drawContours(textured, shapes, -1, new Scalar(255), -1);
    Imgproc.dilate(person, near, FaceRegions.disc(11));
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    int n =
        Imgproc.connectedComponentsWithStats(textured, labels, stats, centroids, 8, CvType.CV_32S);
    Mat one = new Mat();
    Mat touch = new Mat();
    Mat add = Mat.zeros(alpha.size(), CvType.CV_8U);
    // One pass: which shapes have a pixel next to the person.
    int[] lab = new int[(int) labels.total()];
    labels.get(0, 0, lab);
    byte[] nr = new byte[(int) near.total()];
    near.get(0, 0, nr);
    boolean[] touching = new boolean[n];
    for (int i = 0; i < lab.length; i++) {
      if (lab[i] > 0 && nr[i] != 0) {
        touching[lab[i]] = true;
      }
    }
    for (int i = 1; i < n; i++) {
      touching[i] &= stats.get(i, Imgproc.CC_STAT_AREA)[0] >= 12;
    }
    select(labels, touching, add);
    Mat soft = new Mat();
    add.convertTo(soft, CvType.CV_32F, 1 / 255.0);
    Imgproc.GaussianBlur(soft, soft, new Size(3, 3), 0);
    Core.max(alpha, soft, alpha);
    for (Mat x :
        List.of(grey, mean, sq, var, textured, zone, person, near, labels, stats, centroids)) {
      x.release();
    }
    for (Mat x : List.of(one, touch, add, soft)) {
      x.release();
    }
  }

  /**
   * Clothes and shoulders have hard outlines; only hair is soft. Below {@code fromRow} the alpha
   * ramp is steepened about its middle, which undoes what chroma subsampling (JPEG 4:2:0) and the
   * mask's upscaling leave of an edge that shows only in colour.
   */
  static void hardenBelow(Mat alpha, int fromRow, double factor) {
    if (fromRow >= alpha.rows()) {
      return;
    }
    Mat lower = alpha.submat(Math.max(0, fromRow), alpha.rows(), 0, alpha.cols());
    Core.subtract(lower, new Scalar(0.5), lower);
    Core.multiply(lower, new Scalar(factor), lower);
    Core.add(lower, new Scalar(0.5), lower);
    Compositor.clamp01(lower);
    lower.release();
  }

  /** Sets {@code out} (8-bit, zeroed first) to 255 where the label is chosen, in one pass. */
  private static void select(Mat labels, boolean[] chosen, Mat out) {
    int[] lab = new int[(int) labels.total()];
    labels.get(0, 0, lab);
    byte[] o = new byte[lab.length];
    for (int i = 0; i < lab.length; i++) {
      if (chosen[lab[i]]) {
        o[i] = (byte) 255;
      }
    }
    out.put(0, 0, o);
  }

  /** Background texture (mean gradient, luma/px) up to which the wall counts as plain. */
  static final double PLAIN_WALL_TEXTURE = 1.0;

  private static int clamp(int v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }
}
