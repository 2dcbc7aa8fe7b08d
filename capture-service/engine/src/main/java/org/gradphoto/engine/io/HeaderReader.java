package org.gradphoto.engine.io;

import org.gradphoto.engine.InputRejectedException;
import org.gradphoto.engine.InputRejectedException.Reason;
import org.gradphoto.kernel.image.ImageLimits;

/**
 * Reads format, dimensions and EXIF orientation straight from the bytes, so that bombs and absurd
 * sizes are refused before a decoder allocates anything.
 */
public final class HeaderReader {

  // The limits are shared with identity-service's ImageHeaderGuard (shared-kernel ImageLimits).

  /** Uploads larger than this are refused outright. */
  public static final int MAX_BYTES = ImageLimits.MAX_BYTES;

  /** Longest side accepted. */
  public static final int MAX_SIDE = ImageLimits.MAX_SIDE;

  /**
   * JPEG can be decoded at 1/2–1/8 scale (the DCT does the scaling), so more pixels are safe than
   * for PNG and WebP, which are always decoded at full size.
   */
  public static final long MAX_PIXELS_JPEG = ImageLimits.MAX_PIXELS_SCALED_DECODE;

  public static final long MAX_PIXELS_OTHER = ImageLimits.MAX_PIXELS_FULL_DECODE;

  private HeaderReader() {}

  public static ImageHeader read(byte[] b) throws InputRejectedException {
    if (b == null || b.length == 0) {
      throw new InputRejectedException(Reason.EMPTY, "上传的文件是空的，请重新选择照片。", "no bytes");
    }
    if (b.length > MAX_BYTES) {
      throw tooLarge("file of " + b.length + " bytes");
    }
    ImageHeader h;
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      h = jpeg(b);
    } else if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      h = png(b);
    } else if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      h = webp(b);
    } else {
      String what = startsWith(b, 0, '%', 'P', 'D', 'F') ? "PDF" : "unknown";
      throw new InputRejectedException(
          Reason.UNSUPPORTED_FORMAT,
          "无法识别的文件格式，请上传 JPG、PNG 或 WebP 格式的照片（不要上传 PDF 或截图文件）。",
          what + " content");
    }
    if (h.width() <= 0 || h.height() <= 0) {
      throw corrupt("zero dimension");
    }
    long pixels = (long) h.width() * h.height();
    long max = h.format() == ImageHeader.Format.JPEG ? MAX_PIXELS_JPEG : MAX_PIXELS_OTHER;
    if (h.width() > MAX_SIDE || h.height() > MAX_SIDE || pixels > max) {
      throw tooLarge(h.width() + "x" + h.height());
    }
    return h;
  }

  private static ImageHeader jpeg(byte[] b) throws InputRejectedException {
    int orientation = 1;
    int width = -1;
    int height = -1;
    int p = 2;
    while (true) {
      if (p + 4 > b.length) {
        throw truncated("JPEG header ends early");
      }
      if (u8(b, p) != 0xFF) {
        throw corrupt("JPEG marker expected at " + p);
      }
      int marker = u8(b, p + 1);
      if (marker == 0xFF) { // fill byte
        p++;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        p += 2;
        continue;
      }
      int len = u16be(b, p + 2);
      if (len < 2) {
        throw corrupt("bad JPEG segment length");
      }
      int body = p + 4;
      if (body + len - 2 > b.length) {
        throw truncated("JPEG segment runs past the end");
      }
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && width < 0) {
        if (len < 7) {
          throw corrupt("short SOF");
        }
        height = u16be(b, body + 1);
        width = u16be(b, body + 3);
      } else if (marker == 0xE1
          && orientation == 1
          && len > 8
          && startsWith(b, body, 'E', 'x', 'i', 'f', 0, 0)) {
        orientation = Exif.orientation(b, body + 6, body + len - 2);
      } else if (marker == 0xDA) {
        if (width < 0) {
          throw corrupt("scan before frame header");
        }
        // The entropy-coded data stuffs every 0xFF with 0x00, so an EOI marker after the first
        // scan can only be the real end: without it the upload was cut short.
        if (!hasEoiAfter(b, body + len - 2)) {
          throw truncated("no end-of-image marker");
        }
        return new ImageHeader(ImageHeader.Format.JPEG, width, height, orientation);
      } else if (marker == 0xD9) {
        throw truncated("end of image before any scan");
      }
      p = body + len - 2;
    }
  }

  private static boolean hasEoiAfter(byte[] b, int from) {
    for (int i = b.length - 2; i >= from; i--) {
      if (u8(b, i) == 0xFF && u8(b, i + 1) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  private static ImageHeader png(byte[] b) throws InputRejectedException {
    if (b.length < 33) {
      throw truncated("PNG shorter than its header");
    }
    if (!startsWith(b, 12, 'I', 'H', 'D', 'R')) {
      throw corrupt("PNG without IHDR");
    }
    long w = u32be(b, 16);
    long h = u32be(b, 20);
    if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw tooLarge(w + "x" + h);
    }
    if (!containsFromEnd(b, new byte[] {'I', 'E', 'N', 'D'})) {
      throw truncated("no IEND chunk");
    }
    // PNG has no standard orientation tag that decoders honour; treat as upright.
    return new ImageHeader(ImageHeader.Format.PNG, (int) w, (int) h, 1);
  }

  private static ImageHeader webp(byte[] b) throws InputRejectedException {
    if (b.length < 30) {
      throw truncated("WebP shorter than its header");
    }
    long riffSize = u32le(b, 4);
    if (riffSize + 8 > b.length) {
      throw truncated("RIFF size beyond the end");
    }
    int width;
    int height;
    int orientation = 1;
    if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
      if (!startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
        throw corrupt("VP8 start code missing");
      }
      width = u16le(b, 26) & 0x3FFF;
      height = u16le(b, 28) & 0x3FFF;
    } else if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
      if (u8(b, 20) != 0x2F) {
        throw corrupt("VP8L signature missing");
      }
      long bits = u32le(b, 21);
      width = (int) (bits & 0x3FFF) + 1;
      height = (int) ((bits >> 14) & 0x3FFF) + 1;
    } else if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
      width = u24le(b, 24) + 1;
      height = u24le(b, 27) + 1;
      orientation = webpExifOrientation(b);
    } else {
      throw corrupt("unknown WebP chunk");
    }
    return new ImageHeader(ImageHeader.Format.WEBP, width, height, orientation);
  }

  private static int webpExifOrientation(byte[] b) {
    int p = 12;
    while (p + 8 <= b.length) {
      long size = u32le(b, p + 4);
      if (startsWith(b, p, 'E', 'X', 'I', 'F')) {
        int start = p + 8;
        // Some writers keep the "Exif\0\0" prefix inside the chunk.
        if (startsWith(b, start, 'E', 'x', 'i', 'f', 0, 0)) {
          start += 6;
        }
        return Exif.orientation(b, start, (int) Math.min(b.length, p + 8 + size));
      }
      long next = p + 8 + size + (size & 1);
      if (next > b.length) {
        break;
      }
      p = (int) next;
    }
    return 1;
  }

  private static InputRejectedException tooLarge(String detail) {
    return new InputRejectedException(
        Reason.TOO_LARGE,
        "照片尺寸或文件过大（超过 " + MAX_SIDE + " 像素或 40 MB），请上传手机相机直接拍摄的原图或缩小后再上传。",
        detail);
  }

  private static InputRejectedException truncated(String detail) {
    return new InputRejectedException(Reason.TRUNCATED, "照片文件不完整（可能上传中断），请重新上传。", detail);
  }

  private static InputRejectedException corrupt(String detail) {
    return new InputRejectedException(Reason.CORRUPT, "照片文件已损坏，无法读取，请重新拍摄或换一张照片。", detail);
  }

  static boolean startsWith(byte[] b, int off, int... expected) {
    if (off < 0 || off + expected.length > b.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (u8(b, off + i) != (expected[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsFromEnd(byte[] b, byte[] needle) {
    outer:
    for (int i = b.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static int u8(byte[] b, int p) {
    return b[p] & 0xFF;
  }

  static int u16be(byte[] b, int p) {
    return (u8(b, p) << 8) | u8(b, p + 1);
  }

  static int u16le(byte[] b, int p) {
    return u8(b, p) | (u8(b, p + 1) << 8);
  }

  static int u24le(byte[] b, int p) {
    return u8(b, p) | (u8(b, p + 1) << 8) | (u8(b, p + 2) << 16);
  }

  static long u32be(byte[] b, int p) {
    return ((long) u16be(b, p) << 16) | u16be(b, p + 2);
  }

  static long u32le(byte[] b, int p) {
    return u16le(b, p) | ((long) u16le(b, p + 2) << 16);
  }
}
