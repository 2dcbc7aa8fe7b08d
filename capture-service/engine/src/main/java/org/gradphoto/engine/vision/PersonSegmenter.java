package org.gradphoto.engine.vision;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/** MediaPipe selfie segmentation (256×256): probability that a pixel is the person. */
final class PersonSegmenter {
  private static final int INPUT = 256;

  private final Net net;

  PersonSegmenter(Net net) {
    this.net = net;
  }

  /** A CV_32F mask in [0, 1] at the model's 256×256 resolution, covering all of {@code bgr}. */
  Mat segment(Mat bgr) {
    Mat blob = Dnn.blobFromImage(bgr, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0), true);
    net.setInput(blob);
    Mat out = net.forward();
    Mat mask = new Mat(INPUT, INPUT, CvType.CV_32F);
    mask.put(0, 0, Tensors.floats(out));
    blob.release();
    out.release();
    return mask;
  }

  /** Same as {@link #segment} but resized to {@code bgr}'s own size. */
  Mat segmentFull(Mat bgr) {
    Mat small = segment(bgr);
    Mat full = new Mat();
    Imgproc.resize(small, full, bgr.size(), 0, 0, Imgproc.INTER_LINEAR);
    small.release();
    return full;
  }
}
