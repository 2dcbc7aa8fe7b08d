package org.gradphoto.engine.io;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes the output JPEG: searches the quality so the file lands in the size window (never pads),
 * and writes the profile's dpi into the JFIF header.
 */
public final class JpegWriter {
  private JpegWriter() {}

  /**
   * The chosen encoding.
   *
   * @param inWindow false when no quality at or above the minimum lands in the window
   */
  public record Encoded(byte[] bytes, int quality, boolean inWindow) {}

  /**
   * A quality in [minQuality, 100] whose file lands in [minBytes, maxBytes], preferring the upper
   * part of the window (higher quality): searches until a size falls in the top 15 % of the window
   * or the range is exhausted, keeping the best quality that fitted. Falls back to minQuality when
   * even that is too big. The next quality to try is read off the sizes already seen (file size
   * grows steadily with quality), which needs two or three encodings where halving needed five.
   */
  public static Encoded encode(Mat bgr, int dpi, int minQuality, int minBytes, int maxBytes) {
    int goodEnough = Math.max(minBytes, (int) (0.85 * maxBytes));
    double aim = (goodEnough + (double) maxBytes) / 2;
    int lo = minQuality;
    int hi = 100;
    byte[] best = null;
    int bestQ = -1;
    byte[] atMin = null;
    // The nearest sizes seen below and above the aim, with their qualities.
    int belowQ = -1;
    int belowSize = 0;
    int aboveQ = -1;
    int aboveSize = 0;
    // A 480×640 portrait on a plain background usually lands near quality 90.
    int q = Math.max(lo, Math.min(hi, 90));
    while (lo <= hi) {
      byte[] b = encodeAt(bgr, q);
      if (q == minQuality) {
        atMin = b;
      }
      if (b.length <= maxBytes) {
        if (q > bestQ) {
          best = b;
          bestQ = q;
        }
        if (b.length >= goodEnough) {
          break;
        }
        lo = q + 1;
        belowQ = q;
        belowSize = b.length;
      } else {
        hi = q - 1;
        aboveQ = q;
        aboveSize = b.length;
      }
      q = next(lo, hi, aim, belowQ, belowSize, aboveQ, aboveSize);
    }
    if (best == null) {
      byte[] b = atMin != null ? atMin : encodeAt(bgr, minQuality);
      return new Encoded(withDensity(b, dpi), minQuality, false);
    }
    return new Encoded(withDensity(best, dpi), bestQ, best.length >= minBytes);
  }

  /**
   * Next quality in [lo, hi]: interpolated between the two sizes around the aim when both are
   * known, else a step from the one known (size roughly doubles from quality 80 to 95), else the
   * middle.
   */
  static int next(
      int lo, int hi, double aim, int belowQ, int belowSize, int aboveQ, int aboveSize) {
    if (lo > hi) {
      return lo;
    }
    double guess;
    if (belowQ >= 0 && aboveQ >= 0) {
      guess = belowQ + (aim - belowSize) * (aboveQ - belowQ) / Math.max(1, aboveSize - belowSize);
    } else if (belowQ >= 0) {
      guess = belowQ + 15 * Math.log(aim / Math.max(1, belowSize)) / Math.log(2);
    } else if (aboveQ >= 0) {
      guess = aboveQ - 15 * Math.log(aboveSize / aim) / Math.log(2);
    } else {
      guess = (lo + hi) / 2.0;
    }
    return Math.max(lo, Math.min(hi, (int) Math.round(guess)));
  }

  static byte[] encodeAt(Mat bgr, int quality) {
    MatOfByte out = new MatOfByte();
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    try {
      if (!Imgcodecs.imencode(".jpg", bgr, out, params)) {
        throw new IllegalStateException("JPEG encoder failed");
      }
      return out.toArray();
    } finally {
      out.release();
      params.release();
    }
  }

  /** Sets the JFIF density to {@code dpi} dots per inch, inserting an APP0 if missing. */
  public static byte[] withDensity(byte[] jpeg, int dpi) {
    boolean hasJfif =
        jpeg.length > 20
            && HeaderReader.startsWith(jpeg, 2, 0xFF, 0xE0)
            && HeaderReader.startsWith(jpeg, 6, 'J', 'F', 'I', 'F', 0);
    byte[] out;
    int app0;
    if (hasJfif) {
      out = jpeg.clone();
      app0 = 2;
    } else {
      byte[] seg = {
        (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
      };
      out = new byte[jpeg.length + seg.length];
      System.arraycopy(jpeg, 0, out, 0, 2);
      System.arraycopy(seg, 0, out, 2, seg.length);
      System.arraycopy(jpeg, 2, out, 2 + seg.length, jpeg.length - 2);
      app0 = 2;
    }
    // APP0 layout: marker(2) length(2) "JFIF\0"(5) version(2) units(1) Xdensity(2) Ydensity(2)
    out[app0 + 11] = 1; // units: dots per inch
    out[app0 + 12] = (byte) (dpi >> 8);
    out[app0 + 13] = (byte) dpi;
    out[app0 + 14] = (byte) (dpi >> 8);
    out[app0 + 15] = (byte) dpi;
    return out;
  }

  /** Reads back the JFIF density as {units, x, y}; null when there is no JFIF header. */
  public static int[] density(byte[] jpeg) {
    if (jpeg.length < 20 || !HeaderReader.startsWith(jpeg, 6, 'J', 'F', 'I', 'F', 0)) {
      return null;
    }
    return new int[] {
      HeaderReader.u8(jpeg, 13), HeaderReader.u16be(jpeg, 14), HeaderReader.u16be(jpeg, 16)
    };
  }
}
