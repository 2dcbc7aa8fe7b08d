package org.gradphoto.engine.io;

import org.gradphoto.engine.InputRejectedException;
import org.gradphoto.engine.InputRejectedException.Reason;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Decodes an upload to an upright 8-bit BGR image, optionally at 1/2, 1/4 or 1/8 size. */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * A decoded, upright image and the factor it was reduced by (1, 2, 4 or 8) relative to the
   * upright full-size picture.
   */
  public record Decoded(Mat bgr, int reduction) {}

  /**
   * Largest reduction (1, 2, 4, 8) that keeps the longer side at least {@code minLongSide}. Only
   * JPEG benefits: its decoder scales in the DCT; others decode in full anyway.
   */
  public static int reductionFor(ImageHeader h, int minLongSide) {
    if (h.format() != ImageHeader.Format.JPEG) {
      return 1;
    }
    int longSide = Math.max(h.width(), h.height());
    int r = 1;
    while (r < 8 && longSide / (r * 2) >= minLongSide) {
      r *= 2;
    }
    return r;
  }

  public static Decoded decode(byte[] bytes, ImageHeader h, int reduction)
      throws InputRejectedException {
    int flags =
        switch (reduction) {
          case 1 -> Imgcodecs.IMREAD_COLOR;
          case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
          case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
          case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
          default -> throw new IllegalArgumentException("reduction " + reduction);
        };
    // Orientation is applied below from our own EXIF reading, the same way for every format.
    flags |= Imgcodecs.IMREAD_IGNORE_ORIENTATION;
    MatOfByte buf = new MatOfByte(bytes);
    Mat img;
    try {
      img = Imgcodecs.imdecode(buf, flags);
    } finally {
      buf.release();
    }
    if (img.empty()) {
      throw new InputRejectedException(
          Reason.CORRUPT, "照片文件已损坏，无法读取，请重新拍摄或换一张照片。", h.format() + " decoder failed");
    }
    if (reduction == 1 && (img.cols() != h.width() || img.rows() != h.height())) {
      img.release();
      throw new InputRejectedException(
          Reason.CORRUPT, "照片文件已损坏，无法读取，请重新拍摄或换一张照片。", "decoded size differs from header");
    }
    return new Decoded(orient(img, h.orientation()), reduction);
  }

  /** Applies an EXIF orientation so the picture is upright (this is not a retouch). */
  static Mat orient(Mat img, int orientation) {
    if (orientation == 1) {
      return img;
    }
    Mat out = new Mat();
    switch (orientation) {
      case 2 -> Core.flip(img, out, 1);
      case 3 -> Core.rotate(img, out, Core.ROTATE_180);
      case 4 -> Core.flip(img, out, 0);
      case 5 -> Core.transpose(img, out);
      case 6 -> Core.rotate(img, out, Core.ROTATE_90_CLOCKWISE);
      case 7 -> {
        Core.transpose(img, out);
        Core.rotate(out, out, Core.ROTATE_180);
      }
      case 8 -> Core.rotate(img, out, Core.ROTATE_90_COUNTERCLOCKWISE);
      default -> img.copyTo(out);
    }
    img.release();
    return out;
  }
}
