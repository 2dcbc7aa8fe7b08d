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
  GLARE,
  NOT_COLOUR,
  BACKGROUND_CLUTTERED,
  SUBJECT_NOT_SEPARABLE,
  CLOTHING_MATCHES_BACKGROUND,
  GEOMETRY_OUT_OF_SPEC,
  FILE_SIZE_OUT_OF_SPEC;

  /**
   * True when no honest spec photo can be made: there is no subject, another person is in the
   * frame, part of the head has no pixels, or the subject cannot be told from the background. The
   * engine then writes no photo and no cut-out, only the report.
   */
  public boolean blocksOutput() {
    return switch (this) {
      case NO_FACE, MULTIPLE_FACES, HEAD_CUT_OFF -> true;
      default -> false;
    };
  }
}
