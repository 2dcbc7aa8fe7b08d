package org.gradphoto.engine.io;

/**
 * What the engine learns from an upload's first bytes, before any decoding.
 *
 * @param format recognised by magic bytes
 * @param width stored width in pixels (before EXIF orientation)
 * @param height stored height in pixels
 * @param orientation EXIF orientation 1–8 (1 when absent)
 */
public record ImageHeader(Format format, int width, int height, int orientation) {

  public enum Format {
    JPEG,
    PNG,
    WEBP
  }

  /** True when the orientation swaps width and height (5–8). */
  public boolean transposed() {
    return orientation >= 5 && orientation <= 8;
  }

  public int uprightWidth() {
    return transposed() ? height : width;
  }

  public int uprightHeight() {
    return transposed() ? width : height;
  }
}
