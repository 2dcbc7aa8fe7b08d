package org.gradphoto.delivery;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a layout sheet from its pixels alone: where the copies are (runs of coloured pixels in
 * the column and row projections), and what colour a pixel is.
 */
final class SheetMeasure {
  enum Kind {
    WHITE,
    GUIDE,
    PHOTO,
    OTHER
  }

  /** A run of columns or rows: first index and length. */
  record Run(int start, int length) {
    int end() {
      return start + length - 1;
    }
  }

  final BufferedImage img;
  final List<Run> columns;
  final List<Run> rows;

  SheetMeasure(BufferedImage img) {
    this.img = img;
    boolean[] col = new boolean[img.getWidth()];
    boolean[] row = new boolean[img.getHeight()];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (kind(x, y) == Kind.PHOTO) {
          col[x] = true;
          row[y] = true;
        }
      }
    }
    columns = runs(col);
    rows = runs(row);
  }

  Kind kind(int x, int y) {
    int rgb = img.getRGB(x, y);
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    int spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    if (spread > 60) {
      return Kind.PHOTO;
    }
    if (spread < 20 && r > 235) {
      return Kind.WHITE;
    }
    if (spread < 20 && r > 120 && r < 200) {
      return Kind.GUIDE;
    }
    return Kind.OTHER;
  }

  /** True when the pixel is clearly the red marker of the test photo. */
  boolean isMarker(int x, int y) {
    int rgb = img.getRGB(x, y);
    return ((rgb >> 16) & 0xFF) > 180 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;
  }

  private static List<Run> runs(boolean[] on) {
    List<Run> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= on.length; i++) {
      boolean v = i < on.length && on[i];
      if (v && start < 0) {
        start = i;
      } else if (!v && start >= 0) {
        runs.add(new Run(start, i - start));
        start = -1;
      }
    }
    return runs;
  }
}
