package org.gradphoto.engine.vision;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe face-mesh landmark model (192×192 input, 468 points). The face is cut out upright
 * (rotated by the eye line) before inference, which keeps tilted heads accurate; the rotation is
 * only for measuring, the photo itself is never rotated. Not thread-safe.
 */
final class FaceLandmarker {
  private static final int INPUT = 192;
  private static final int POINTS = 468;

  private final Net net;

  FaceLandmarker(Net net) {
    this.net = net;
  }

  /** Landmarks from a detector box: two passes, the second on the first pass's points. */
  FaceMesh landmarks(Mat bgr, FaceBox face) {
    Point re = face.keypoints()[0];
    Point le = face.keypoints()[1];
    double angle = Math.atan2(le.y - re.y, le.x - re.x);
    double size = Math.max(face.box().width, face.box().height) * 1.5;
    FaceMesh first = run(bgr, new Point(face.centreX(), face.centreY()), size, angle);
    double[] b = first.bounds();
    Point r = first.rightEye();
    Point l = first.leftEye();
    double angle2 = Math.atan2(l.y - r.y, l.x - r.x);
    double size2 = Math.max(b[2] - b[0], b[3] - b[1]) * 1.5;
    return run(bgr, new Point((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), size2, angle2);
  }

  private FaceMesh run(Mat bgr, Point centre, double size, double angle) {
    // Affine map from model input pixels (u, v) to image pixels.
    double k = size / INPUT;
    double cos = Math.cos(angle) * k;
    double sin = Math.sin(angle) * k;
    double tx = centre.x - cos * INPUT / 2 + sin * INPUT / 2;
    double ty = centre.y - sin * INPUT / 2 - cos * INPUT / 2;
    Mat toImage = new Mat(2, 3, CvType.CV_64F);
    toImage.put(0, 0, cos, -sin, tx, sin, cos, ty);
    Mat patch = new Mat();
    Imgproc.warpAffine(
        bgr,
        patch,
        toImage,
        new Size(INPUT, INPUT),
        Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
        Core.BORDER_CONSTANT,
        new Scalar(0, 0, 0));
    Mat blob = Dnn.blobFromImage(patch, 1 / 255.0, new Size(INPUT, INPUT), new Scalar(0), true);
    net.setInput(blob);
    List<Mat> outs = new ArrayList<>();
    net.forward(outs, net.getUnconnectedOutLayersNames());
    Mat pts = outs.get(0).total() == POINTS * 3 ? outs.get(0) : outs.get(1);
    Mat flag = pts == outs.get(0) ? outs.get(1) : outs.get(0);
    float[] p = Tensors.floats(pts);
    double presence = 1 / (1 + Math.exp(-Tensors.floats(flag)[0]));
    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    double[] z = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      double u = p[3 * i];
      double v = p[3 * i + 1];
      x[i] = cos * u - sin * v + tx;
      y[i] = sin * u + cos * v + ty;
      z[i] = p[3 * i + 2] * k;
    }
    for (Mat m : List.of(toImage, patch, blob, pts, flag)) {
      m.release();
    }
    return new FaceMesh(x, y, z, presence);
  }
}
