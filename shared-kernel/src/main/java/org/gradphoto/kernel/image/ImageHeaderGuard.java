package org.gradphoto.kernel.image;

import org.gradphoto.kernel.error.ProblemException;

/**
 * Reads format and dimensions from the first bytes of a picture and refuses it, before any decoder
 * allocates a pixel, when it is empty, not JPEG/PNG/WebP, or larger than {@link ImageLimits}. A
 * decompression bomb (a few KB declaring 60,000 × 60,000 pixels) is refused here.
 */
public final class ImageHeaderGuard {
  public enum Format {
    JPEG,
    PNG,
    WEBP
  }

  /** What the header declares. */
  public record Header(Format format, int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  private ImageHeaderGuard() {}

  /**
   * @param field the request field the picture came in, named in the problem
   * @return the declared header of an acceptable picture
   * @throws ProblemException 400 (empty, unknown format, unreadable header) or 413 (too large)
   */
  public static Header check(byte[] b, String field) {
    if (b == null || b.length == 0) {
      throw ProblemException.invalidField(field, "上传的图片是空的，请重新选择");
    }
    if (b.length > ImageLimits.MAX_BYTES) {
      throw tooLarge(field);
    }
    Header h = read(b);
    if (h == null) {
      throw ProblemException.invalidField(field, "无法识别的图片，请上传 JPG、PNG 或 WebP 格式的图片");
    }
    long max =
        h.format() == Format.JPEG
            ? ImageLimits.MAX_PIXELS_SCALED_DECODE
            : ImageLimits.MAX_PIXELS_FULL_DECODE;
    if (h.width() <= 0 || h.height() <= 0) {
      throw ProblemException.invalidField(field, "图片已损坏，无法读取，请换一张图片");
    }
    if (h.width() > ImageLimits.MAX_SIDE || h.height() > ImageLimits.MAX_SIDE || h.pixels() > max) {
      throw tooLarge(field);
    }
    return h;
  }

  private static ProblemException tooLarge(String field) {
    return new ProblemException(
        413,
        "IMAGE_TOO_LARGE",
        "Image too large",
        "图片尺寸或文件过大，请缩小后再上传",
        java.util.List.of(new ProblemException.FieldError(field, "图片尺寸或文件过大，请缩小后再上传")),
        java.util.Map.of());
  }

  /** The declared header, or null when the bytes are no JPEG, PNG or WebP with a readable one. */
  static Header read(byte[] b) {
    if (at(b, 0, 0xFF, 0xD8)) {
      return jpeg(b);
    }
    if (at(b, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
      return b.length >= 24 && at(b, 12, 'I', 'H', 'D', 'R')
          ? new Header(Format.PNG, clamp(be(b, 16, 4)), clamp(be(b, 20, 4)))
          : null;
    }
    if (at(b, 0, 'R', 'I', 'F', 'F') && at(b, 8, 'W', 'E', 'B', 'P') && b.length >= 30) {
      if (at(b, 12, 'V', 'P', '8', ' ')) {
        return new Header(Format.WEBP, (int) le(b, 26, 2) & 0x3FFF, (int) le(b, 28, 2) & 0x3FFF);
      }
      if (at(b, 12, 'V', 'P', '8', 'L')) {
        long bits = le(b, 21, 4);
        return new Header(
            Format.WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
      }
      if (at(b, 12, 'V', 'P', '8', 'X')) {
        return new Header(Format.WEBP, (int) le(b, 24, 3) + 1, (int) le(b, 27, 3) + 1);
      }
    }
    return null;
  }

  /** Walks the JPEG segments to the first frame header (SOFn). */
  private static Header jpeg(byte[] b) {
    int p = 2;
    while (p + 9 < b.length) {
      if ((b[p] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xFF) {
        p++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        p += 2;
        continue;
      }
      boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8;
      if (frame && marker != 0xCC) {
        return new Header(Format.JPEG, (int) be(b, p + 7, 2), (int) be(b, p + 5, 2));
      }
      if (marker == 0xDA || marker == 0xD9) {
        return null;
      }
      int length = (int) be(b, p + 2, 2);
      if (length < 2) {
        return null;
      }
      p += 2 + length;
    }
    return null;
  }

  private static int clamp(long v) {
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static boolean at(byte[] b, int off, int... expected) {
    if (off + expected.length > b.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[off + i] & 0xFF) != (expected[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  private static long be(byte[] b, int off, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  private static long le(byte[] b, int off, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
