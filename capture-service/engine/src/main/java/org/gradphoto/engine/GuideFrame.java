package org.gradphoto.engine;

/**
 * The student's guide-frame rectangle, as fractions (0–1) of the upright (EXIF-rotated) input. The
 * engine keeps the framing it implies when that meets the profile's windows and otherwise moves it
 * the least it can; only faces inside the rectangle are considered.
 */
public record GuideFrame(double x, double y, double width, double height) {
  public GuideFrame {
    if (!(width > 0 && height > 0 && x >= -1 && y >= -1 && x + width <= 2 && y + height <= 2)) {
      throw new IllegalArgumentException("crop hint outside the picture");
    }
  }
}
