package org.gradphoto.engine.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe BlazeFace full-range detector (192×192 input, one anchor per cell of a 48×48 grid). Not
 * thread-safe: one instance per thread (see {@link ModelPool}).
 */
final class FaceDetector {
  private static final int INPUT = 192;
  private static final int GRID = 48;
  private static final double MIN_SCORE = 0.5;
  private static final double NMS_IOU = 0.3;

  private final Net net;

  FaceDetector(Net net) {
    this.net = net;
  }

  /** Faces in {@code bgr}, best first. */
  List<FaceBox> detect(Mat bgr) {
    double scale = (double) INPUT / Math.max(bgr.cols(), bgr.rows());
    int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
    int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
    int padX = (INPUT - w) / 2;
    int padY = (INPUT - h) / 2;
    Mat square = Mat.zeros(INPUT, INPUT, bgr.type());
    Mat small = new Mat();
    Imgproc.resize(bgr, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
    small.copyTo(square.submat(new Rect(padX, padY, w, h)));
    Mat blob =
        Dnn.blobFromImage(
            square, 1 / 127.5, new Size(INPUT, INPUT), new Scalar(127.5, 127.5, 127.5), true);
    net.setInput(blob);
    List<Mat> outs = new ArrayList<>();
    net.forward(outs, net.getUnconnectedOutLayersNames());
    // Tell the outputs apart by shape: scores have 1 value per anchor, boxes 16.
    Mat scores = outs.get(0).total() == GRID * GRID ? outs.get(0) : outs.get(1);
    Mat boxes = scores == outs.get(0) ? outs.get(1) : outs.get(0);
    float[] s = Tensors.floats(scores);
    float[] r = Tensors.floats(boxes);
    List<FaceBox> found = new ArrayList<>();
    for (int i = 0; i < GRID * GRID; i++) {
      double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, s[i]))));
      if (score < MIN_SCORE) {
        continue;
      }
      double ax = (i % GRID + 0.5) / GRID;
      double ay = (i / GRID + 0.5) / GRID;
      int o = i * 16;
      double cx = ax + r[o] / INPUT;
      double cy = ay + r[o + 1] / INPUT;
      double bw = r[o + 2] / INPUT;
      double bh = r[o + 3] / INPUT;
      Point[] kps = new Point[6];
      for (int k = 0; k < 6; k++) {
        kps[k] =
            new Point(
                toImage(ax + r[o + 4 + 2 * k] / INPUT, padX, scale),
                toImage(ay + r[o + 5 + 2 * k] / INPUT, padY, scale));
      }
      double x0 = toImage(cx - bw / 2, padX, scale);
      double y0 = toImage(cy - bh / 2, padY, scale);
      found.add(
          new FaceBox(new Rect2d(x0, y0, bw * INPUT / scale, bh * INPUT / scale), kps, score));
    }
    for (Mat m : List.of(square, small, blob, scores, boxes)) {
      m.release();
    }
    return suppress(found);
  }

  private static double toImage(double normalised, int pad, double scale) {
    return (normalised * INPUT - pad) / scale;
  }

  /** Non-maximum suppression: keeps the best box of each overlapping group. */
  private static List<FaceBox> suppress(List<FaceBox> all) {
    all.sort(Comparator.comparingDouble(FaceBox::score).reversed());
    List<FaceBox> kept = new ArrayList<>();
    for (FaceBox f : all) {
      if (kept.stream().noneMatch(k -> iou(k.box(), f.box()) > NMS_IOU)) {
        kept.add(f);
      }
    }
    return kept;
  }

  static double iou(Rect2d a, Rect2d b) {
    double x0 = Math.max(a.x, b.x);
    double y0 = Math.max(a.y, b.y);
    double x1 = Math.min(a.x + a.width, b.x + b.width);
    double y1 = Math.min(a.y + a.height, b.y + b.height);
    double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
    return inter / (a.area() + b.area() - inter);
  }
}
