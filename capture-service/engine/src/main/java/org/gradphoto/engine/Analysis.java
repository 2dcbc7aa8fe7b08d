package org.gradphoto.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradphoto.engine.vision.FaceMesh;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** Everything learnt from the working image. */
final class Analysis {
  final Map<String, Double> metrics = new java.util.LinkedHashMap<>();
  final List<PhotoFinding> findings = new ArrayList<>();
  FaceMesh mesh;
  Mat mask; // person probability, MASK×MASK over region
  Rect region;
  CropSolver.Crop crop;
  int reduction;
  int workWidth;
  int workHeight;
}
