package org.gradphoto.engine.vision;

import org.opencv.core.Point;

/**
 * The 468 MediaPipe face-mesh points in image pixels ({@code z} on the same scale as x, smaller is
 * nearer the camera), plus the model's face-presence score.
 */
public record FaceMesh(double[] x, double[] y, double[] z, double presence) {
  // Canonical face-mesh indices (the subject's right is on the image's left).
  public static final int RIGHT_EYE_OUTER = 33;
  public static final int RIGHT_EYE_INNER = 133;
  public static final int RIGHT_EYE_UPPER = 159;
  public static final int RIGHT_EYE_LOWER = 145;
  public static final int LEFT_EYE_OUTER = 263;
  public static final int LEFT_EYE_INNER = 362;
  public static final int LEFT_EYE_UPPER = 386;
  public static final int LEFT_EYE_LOWER = 374;
  public static final int NOSE_TIP = 1;
  public static final int RIGHT_CHEEK = 234;
  public static final int LEFT_CHEEK = 454;
  public static final int CHIN = 152;
  public static final int FOREHEAD = 10;
  public static final int UPPER_LIP_INNER = 13;
  public static final int LOWER_LIP_INNER = 14;
  public static final int MOUTH_RIGHT_INNER = 78;
  public static final int MOUTH_LEFT_INNER = 308;

  public Point point(int i) {
    return new Point(x[i], y[i]);
  }

  public Point rightEye() {
    return mid(RIGHT_EYE_OUTER, RIGHT_EYE_INNER);
  }

  public Point leftEye() {
    return mid(LEFT_EYE_OUTER, LEFT_EYE_INNER);
  }

  public Point mid(int a, int b) {
    return new Point((x[a] + x[b]) / 2, (y[a] + y[b]) / 2);
  }

  public double distance(int a, int b) {
    return Math.hypot(x[a] - x[b], y[a] - y[b]);
  }

  /** Bounding box of all points as {minX, minY, maxX, maxY}. */
  public double[] bounds() {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < x.length; i++) {
      b[0] = Math.min(b[0], x[i]);
      b[1] = Math.min(b[1], y[i]);
      b[2] = Math.max(b[2], x[i]);
      b[3] = Math.max(b[3], y[i]);
    }
    return b;
  }
}
