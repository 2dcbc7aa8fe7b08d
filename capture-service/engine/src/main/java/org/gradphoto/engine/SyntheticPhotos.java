package org.gradphoto.engine;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Makes phone-like test photos from tightly framed portraits, for the benchmark and the tests: the
 * edges are extended (background sideways, clothing downwards) so shoulders fill the frame, then
 * the picture is scaled to a phone camera's size.
 */
public final class SyntheticPhotos {
  private SyntheticPhotos() {}

  /** Extends a tight portrait by replicating its edges: 3:4, body reaching the bottom. */
  public static Mat phoneFraming(Mat portrait) {
    int w = portrait.cols();
    int h = portrait.rows();
    int side = (int) Math.round(0.3 * w);
    int bottom = (int) Math.round(0.45 * h);
    int newW = w + 2 * side;
    int newH = Math.max(h + bottom, (int) Math.round(newW * 4.0 / 3));
    int top = (int) Math.round(0.05 * h);
    Mat out = new Mat();
    Core.copyMakeBorder(portrait, out, top, newH - h - top, side, side, Core.BORDER_REPLICATE);
    return out;
  }

  /** Scales to {@code width}×{@code width·4/3} (3024 gives a 12 MP phone photo). */
  public static Mat phoneSize(Mat framed, int width) {
    int height = width * 4 / 3;
    Mat out = new Mat();
    Imgproc.resize(framed, out, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
    return out;
  }

  public static byte[] jpeg(Mat bgr, int quality) {
    MatOfByte buf = new MatOfByte();
    Imgcodecs.imencode(".jpg", bgr, buf, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    byte[] b = buf.toArray();
    buf.release();
    return b;
  }
}
