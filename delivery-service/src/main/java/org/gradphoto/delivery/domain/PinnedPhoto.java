package org.gradphoto.delivery.domain;

import java.util.Map;

/**
 * The final standard photo (标准照), copied out of capture's bucket so nothing can change it, with the
 * layout sheets made from it.
 *
 * @param standardKey object key of the pinned standard photo in the packages bucket
 * @param sourceKey the key capture wrote it under (for tracing)
 * @param sha256 hex digest of the pinned bytes, repeated in the school's manifest
 * @param sizeBytes size of the pinned file
 * @param widthPx pixel width
 * @param heightPx pixel height
 * @param dpi density written in the file
 * @param layoutKeys object keys of the layout sheets, by sheet
 */
public record PinnedPhoto(
    String standardKey,
    String sourceKey,
    String sha256,
    long sizeBytes,
    int widthPx,
    int heightPx,
    int dpi,
    Map<SheetSize, String> layoutKeys) {
  public PinnedPhoto {
    layoutKeys = Map.copyOf(layoutKeys);
  }
}
