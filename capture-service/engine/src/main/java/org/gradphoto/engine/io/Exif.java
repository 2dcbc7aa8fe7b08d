package org.gradphoto.engine.io;

/** Just enough TIFF parsing to find the orientation tag (0x0112) in IFD0. */
final class Exif {
  private Exif() {}

  /** Orientation 1–8 from a TIFF block at [start, end); 1 when absent or malformed. */
  static int orientation(byte[] b, int start, int end) {
    end = Math.min(end, b.length);
    if (end - start < 8) {
      return 1;
    }
    boolean little;
    if (b[start] == 'I' && b[start + 1] == 'I') {
      little = true;
    } else if (b[start] == 'M' && b[start + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    long ifd = u32(b, start + 4, little);
    int p = (int) (start + ifd);
    if (ifd < 8 || p + 2 > end) {
      return 1;
    }
    int count = u16(b, p, little);
    for (int i = 0; i < count; i++) {
      int e = p + 2 + 12 * i;
      if (e + 12 > end) {
        return 1;
      }
      if (u16(b, e, little) == 0x0112) {
        int v = u16(b, e + 8, little);
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int p, boolean little) {
    return little ? HeaderReader.u16le(b, p) : HeaderReader.u16be(b, p);
  }

  private static long u32(byte[] b, int p, boolean little) {
    return little ? HeaderReader.u32le(b, p) : HeaderReader.u32be(b, p);
  }
}
