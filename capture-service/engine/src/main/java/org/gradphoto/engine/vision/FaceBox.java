package org.gradphoto.engine.vision;

import org.opencv.core.Point;
import org.opencv.core.Rect2d;

/**
 * A detected face in image pixels.
 *
 * @param box face bounding box
 * @param keypoints right eye, left eye, nose tip, mouth, right ear, left ear (the subject's right
 *     is on the image's left)
 * @param score detector confidence 0–1
 */
public record FaceBox(Rect2d box, Point[] keypoints, double score) {
  public double centreX() {
    return box.x + box.width / 2;
  }

  public double centreY() {
    return box.y + box.height / 2;
  }
}
