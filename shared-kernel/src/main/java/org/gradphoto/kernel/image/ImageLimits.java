package org.gradphoto.kernel.image;

/**
 * The sizes any service accepts for a picture before a decoder sees it: one set of numbers for the
 * photo engine (capture-service) and the album picture of the CHSI code (identity-service). They
 * are compile-time constants, so the engine uses them without loading anything else of the kernel.
 */
public final class ImageLimits {
  /** Files larger than this are refused outright. */
  public static final int MAX_BYTES = 40 * 1024 * 1024;

  /** Longest side accepted. */
  public static final int MAX_SIDE = 16_384;

  /**
   * JPEG decodes at 1/2–1/8 scale (the DCT does the scaling), so more pixels are safe than for
   * formats that are always decoded at full size.
   */
  public static final long MAX_PIXELS_SCALED_DECODE = 120_000_000L;

  /**
   * PNG and WebP are decoded at full size: 24 MP is 96 MB of RGBA, twice what a 12 MP phone photo
   * needs, and four parallel uploads stay under the heap a service is given.
   */
  public static final long MAX_PIXELS_FULL_DECODE = 24_000_000L;

  private ImageLimits() {}
}
