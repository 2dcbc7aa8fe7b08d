package org.gradphoto.engine;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The spec frame with a transparent background (8-bit BGRA), kept as pixels; its PNG is encoded
 * only when first asked for. The preview a student waits for needs only the JPEG: the cut-out's PNG
 * (about as costly as the JPEG search) is needed later, for a colour change or for the reviewers,
 * so a caller can answer first and encode after. Thread-safe; the PNG is made once.
 */
public final class Cutout {
  private final int width;
  private final int height;
  private final byte[] bgra;
  private byte[] png;

  private Cutout(int width, int height, byte[] bgra, byte[] png) {
    this.width = width;
    this.height = height;
    this.bgra = bgra;
    this.png = png;
  }

  /** Copies the pixels of an 8-bit BGRA image (the Mat may be released afterwards). */
  static Cutout of(Mat bgra) {
    if (bgra.type() != CvType.CV_8UC4) {
      throw new IllegalArgumentException("cut-out must be 8-bit BGRA");
    }
    Mat c = bgra.isContinuous() ? bgra : bgra.clone();
    byte[] px = new byte[(int) (c.total() * 4)];
    c.get(0, 0, px);
    if (c != bgra) {
      c.release();
    }
    return new Cutout(bgra.cols(), bgra.rows(), px, null);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The PNG (RGBA, 8 bit), encoded on the first call; later calls return the same bytes. */
  public synchronized byte[] png() {
    if (png == null) {
      Mat m = pixels();
      png = encode(m);
      m.release();
    }
    return png;
  }

  /** True once {@link #png()} has run. */
  public synchronized boolean encoded() {
    return png != null;
  }

  /** A new Mat with the pixels (the caller releases it). */
  Mat pixels() {
    Mat m = new Mat(height, width, CvType.CV_8UC4);
    m.put(0, 0, bgra);
    return m;
  }

  static byte[] encode(Mat bgra) {
    MatOfByte buf = new MatOfByte();
    // Level 1: the file is stored, not sent to a phone; higher levels cost several times the time.
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 1);
    try {
      if (!Imgcodecs.imencode(".png", bgra, buf, params)) {
        throw new IllegalStateException("PNG encoder failed");
      }
      return buf.toArray();
    } finally {
      buf.release();
      params.release();
    }
  }
}
