package org.gradphoto.review.domain;

/**
 * The geometry windows of a photo spec profile that a reviewer checks by eye, in output pixels from
 * the top-left corner (kept as data: see {@code spec-profiles.json}).
 */
public record SpecWindows(
    String id,
    String title,
    int widthPx,
    int heightPx,
    Window headTopPx,
    Window eyeLinePx,
    Window faceWidthPx,
    double centreTolerancePx) {

  /** A closed interval. */
  public record Window(double min, double max) {}
}
