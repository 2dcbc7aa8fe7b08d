package org.gradphoto.engine;

/**
 * Geometry measured on the standardized output, in output pixels from the top-left corner.
 *
 * @param headTopPx top of the hair (from the person mask) below the upper edge
 * @param eyeLinePx mean height of the two eye centres
 * @param faceWidthPx cheek to cheek
 * @param faceCenterXPx horizontal centre of the face
 * @param rollDeg in-plane head tilt, positive when the subject's left eye is lower
 * @param yawDeg estimated left/right turn of the head, 0 when frontal
 */
public record Geometry(
    double headTopPx,
    double eyeLinePx,
    double faceWidthPx,
    double faceCenterXPx,
    double rollDeg,
    double yawDeg) {}
