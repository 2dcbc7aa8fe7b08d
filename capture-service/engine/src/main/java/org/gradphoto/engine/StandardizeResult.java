package org.gradphoto.engine;

/**
 * The engine's output for one photo.
 *
 * @param jpeg the standardized photo, exactly the profile's pixels and dpi; null when a finding
 *     {@linkplain FindingCode#blocksOutput() blocks the output} (then there is nothing honest to
 *     show: no centre crop with the old background, no photo of someone else)
 * @param cutoutPng the same frame with a transparent background, for later colour changes; null
 *     exactly when {@code jpeg} is
 * @param report geometry and findings; {@code report.output()} is null when there is no photo
 */
public record StandardizeResult(byte[] jpeg, byte[] cutoutPng, Report report) {
  public StandardizeResult {
    if ((jpeg == null) != (cutoutPng == null) || (jpeg == null) != (report.output() == null)) {
      throw new IllegalArgumentException("photo, cut-out and output info go together");
    }
  }

  /** False when a hard error left nothing to show: store and display only the findings. */
  public boolean hasPhoto() {
    return jpeg != null;
  }
}
