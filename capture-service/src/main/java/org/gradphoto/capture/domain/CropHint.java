package org.gradphoto.capture.domain;

/**
 * The guide-frame rectangle the student panned and pinch-zoomed to, as fractions (0–1) of the
 * upright picture.
 */
public record CropHint(double x, double y, double width, double height) {
  public CropHint {
    boolean finite =
        Double.isFinite(x)
            && Double.isFinite(y)
            && Double.isFinite(width)
            && Double.isFinite(height);
    if (!finite
        || width <= 0
        || height <= 0
        || width > 2
        || height > 2
        || x < -1
        || y < -1
        || x + width > 2
        || y + height > 2) {
      throw new CaptureRefusal(CaptureRefusal.Reason.CROP_HINT_OUTSIDE);
    }
  }
}
