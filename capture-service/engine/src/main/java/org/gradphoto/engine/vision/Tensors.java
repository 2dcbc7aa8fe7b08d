package org.gradphoto.engine.vision;

import org.opencv.core.Mat;

final class Tensors {
  private Tensors() {}

  /** All values of a continuous float tensor of any rank, in memory order. */
  static float[] floats(Mat m) {
    Mat flat = m.reshape(1, 1);
    float[] out = new float[(int) flat.total()];
    flat.get(0, 0, out);
    return out;
  }
}
