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
  static final double MIN_EYE_OPENNESS = 0.20;

  /** Inner-lip gap / mouth width above which the mouth counts as open. */
  static final double MAX_MOUTH_OPENNESS = 0.15;

  /** Fine-band / mid-band detail ratio of the face area below which the photo is blurred. */
  static final double MIN_SHARPNESS = 0.45;

  /** Underexposed: the brightest 2 % of the frame stay below this luma. */
  static final double MIN_FRAME_P98 = 95;

  /**
   * Underexposed whatever the skin's colour: even the brightest 5 % of the face's skin stay below
   * this luma (no part of the face is lit; dark skin in good light keeps highlights above it).
   */
  static final double MIN_SKIN_P95 = 100;

  /**
   * A darkening tone curve (gamma &gt; 1, a dark phone exposure pushed up) saturates skin: mean HSV
   * saturation above this with a skin mean below {@link #DARK_SKIN_MEAN} is underexposed.
   */
  static final double MAX_SKIN_SATURATION = 0.65;

  static final double DARK_SKIN_MEAN = 120;

  /** Overexposed whatever else: the skin's mean luma above this is washed out. */
  static final double MAX_SKIN_MEAN = 215;

  /** A brightening tone curve drains colour: skin saturation below this on a bright face. */
  static final double MIN_SKIN_SATURATION = 0.18;

  static final double BRIGHT_SKIN_MEAN = 170;

  /** Overexposed: share of clipped (≥ 250) face pixels. */
  static final double MAX_FACE_CLIPPED = 0.12;

  /** Uneven: luma ratio of the darker half of the face to the brighter half. */
  static final double MIN_HALF_FACE_RATIO = 0.62;

  /** A shadow on part of the face: dark / bright group mean of the skin's light below this… */
  static final double MAX_SHADOW_RATIO = 0.60;

  /** …with the dark group covering at least this share of the skin. */
  static final double MIN_SHADOW_SHARE = 0.15;

  /** Glare: largest near-white patch over an eye, as a share of the box around the eye. */
  static final double MAX_EYE_GLARE = 0.12;

  /** Mean max−min channel spread below which the photo is grey-scale. */
  static final double MIN_COLOURFULNESS = 3.0;

  /** Share of edge pixels in the original background above which it is cluttered. */
  static final double MAX_BACKGROUND_EDGES = 0.04;

  /** Mean gradient (luma per pixel) of the original background above which it is busy. */
  static final double MAX_BACKGROUND_TEXTURE = 1.4;

  /** RMS CIE Lab distance of the background's colours from their mean above which it is busy. */
  static final double MAX_BACKGROUND_COLOUR_SPREAD = 25;

  /**
   * On a background with texture (above {@link #MIN_SEPARATION_TEXTURE}): share of the head's
   * outline (above the chin line, matte between 30 % and 70 %) where the local person and
   * background colours are too alike to tell apart, above which the cut-out is a guess. Dev
   * portraits read ≤ 0.07; hard/: foliage behind brown-grey hair 0.81, backlit hair before foliage
   * 0.52, white hair on a dark room 0.54, a photographed screen 0.52 (fire); an afro on a street
   * 0.33, spiky hair before wood panels 0.31 (cut-outs clean; do not fire); generated shelves in
   * the hair's own shades 0.45–0.86.
   */
  static final double MAX_HEAD_OUTLINE_ALIKE_BUSY = 0.40;

  /**
   * Background texture (mean gradient, luma/px) above which a background counts as not plain for
   * the separation check: plain walls, sky and blurred lawns read 0.1–0.61, the hair-coloured shelf
   * fixtures 0.88–2.5, foliage and dark rooms in hard/ 0.81–1.94.
   */
  static final double MIN_SEPARATION_TEXTURE = 0.7;

  /**
   * On a plain wall (texture up to {@link #MIN_SEPARATION_TEXTURE}): share of the whole outline
   * (matte 30–70 % beside solid person pixels) whose local person colour is within 45 (RGB) of the
   * wall's mean colour, above which the cut-out there is the model's guess. Dev portraits ≤ 0.063;
   * hard/: white dress on a white wall 0.50 (fires), white T-shirt on a white wall 0.295, long hair
   * before a pale city 0.249, the other plain walls ≤ 0.12 (silent: a cautious threshold).
   */
  static final double MAX_OUTLINE_IN_WALL_COLOUR = 0.35;

  /** Outline pixels needed before the share above means anything. */
  static final int MIN_HEAD_OUTLINE_PX = 200;

  /** Clothing closer than this CIE76 ΔE to the background colour. */
  static final double MIN_CLOTHING_DELTA_E = 15;

  /** Output pixels of missing body tolerated below or beside the frame. */
  static final double MAX_BODY_OVERFLOW_PX = 3;
}
