package org.gradphoto.engine;

/**
 * The engine's output for one photo.
 *
 * @param jpeg the standardized photo, exactly the profile's pixels and dpi; null when a finding
 *     {@linkplain FindingCode#blocksOutput() blocks the output} (then there is nothing honest to
 *     show: no centre crop with the old background, no photo of someone else)
 * @param cutout the same frame with a transparent background, for later colour changes; its PNG is
 *     encoded when first asked for ({@link #cutoutPng()}); null exactly when {@code jpeg} is
 * @param report geometry and findings; {@code report.output()} is null when there is no photo
 */
public record StandardizeResult(byte[] jpeg, Cutout cutout, Report report) {
  public StandardizeResult {
    if ((jpeg == null) != (cutout == null) || (jpeg == null) != (report.output() == null)) {
      throw new IllegalArgumentException("photo, cut-out and output info go together");
    }
  }

  /** False when a hard error left nothing to show: store and display only the findings. */
  public boolean hasPhoto() {
    return jpeg != null;
  }

  /**
   * The cut-out as PNG, null without a photo. Encodes it on the first call (tens of milliseconds of
   * CPU): a caller that answers with the JPEG first should call this after answering.
   */
  public byte[] cutoutPng() {
    return cutout == null ? null : cutout.png();
  }
}
