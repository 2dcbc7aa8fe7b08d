package org.gradphoto.engine;

/** Every reason the engine can give about a photo; see the module README for thresholds. */
public enum FindingCode {
  NO_FACE,
  MULTIPLE_FACES,
  LOW_RESOLUTION,
  HEAD_CUT_OFF,
  SHOULDERS_MISSING,
  HEAD_TILTED,
  FACE_TURNED,
  EYES_CLOSED,
  MOUTH_OPEN,
  BLURRY,
  UNDEREXPOSED,
  OVEREXPOSED,
  UNEVEN_LIGHTING,
  NOT_COLOUR,
  BACKGROUND_CLUTTERED,
  CLOTHING_MATCHES_BACKGROUND,
  GEOMETRY_OUT_OF_SPEC,
  FILE_SIZE_OUT_OF_SPEC
}
