package org.gradphoto.engine;

/**
 * Limits behind the quality findings. Geometry windows come from the profile; these are about the
 * photo itself. The module README explains each value and how it was chosen.
 */
final class Thresholds {
  private Thresholds() {}

  /** Largest upscaling of the source allowed (output pixels per source pixel). */
  static final double MAX_UPSCALE = 1.5;

  /** A second face counts when at least this fraction of the main face's width. */
  static final double OTHER_FACE_MIN_RELATIVE_WIDTH = 0.4;

  static final double MAX_ROLL_DEG = 5;
  static final double MAX_YAW_DEG = 15;

  /** Lid gap / eye width below which an eye counts as closed. */
  static final double MIN_EYE_OPENNESS = 0.12;

  /** Inner-lip gap / mouth width above which the mouth counts as open. */
  static final double MAX_MOUTH_OPENNESS = 0.15;

  /** Fine-band / mid-band detail ratio of the face area below which the photo is blurred. */
  static final double MIN_SHARPNESS = 0.45;

  /** Underexposed: the brightest 2 % of the frame stay below this luma. */
  static final double MIN_FRAME_P98 = 95;

  /** Underexposed whatever the frame: the face's brightest 5 % stay below this luma. */
  static final double MIN_FACE_P95 = 45;

  /** Overexposed: share of clipped (≥ 250) face pixels. */
  static final double MAX_FACE_CLIPPED = 0.12;

  /** Uneven: luma ratio of the darker half of the face to the brighter half. */
  static final double MIN_HALF_FACE_RATIO = 0.62;

  /** Mean max−min channel spread below which the photo is grey-scale. */
  static final double MIN_COLOURFULNESS = 3.0;

  /** Share of edge pixels in the original background above which it is cluttered. */
  static final double MAX_BACKGROUND_EDGES = 0.04;

  /** Clothing closer than this CIE76 ΔE to the background colour. */
  static final double MIN_CLOTHING_DELTA_E = 15;

  /** Output pixels of missing body tolerated below or beside the frame. */
  static final double MAX_BODY_OVERFLOW_PX = 3;
}
