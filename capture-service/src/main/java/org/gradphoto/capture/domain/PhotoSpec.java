package org.gradphoto.capture.domain;

import java.util.List;

/**
 * What a spec profile asks of the standardized photo, in output pixels: the student's preview draws
 * its guide lines from these windows.
 */
public record PhotoSpec(
    String id,
    String title,
    int widthPx,
    int heightPx,
    List<String> backgrounds,
    Window headTopPx,
    Window eyeLinePx,
    Window faceWidthPx,
    double centreTolerancePx) {

  public PhotoSpec {
    backgrounds = List.copyOf(backgrounds);
  }

  /** A closed interval of output pixels. */
  public record Window(double min, double max) {}
}
