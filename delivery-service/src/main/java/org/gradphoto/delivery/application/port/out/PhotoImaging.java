package org.gradphoto.delivery.application.port.out;

import org.gradphoto.delivery.domain.LayoutPlan;

/** Reading a standard photo's header and drawing layout sheets. Blocking, CPU-bound. */
public interface PhotoImaging {
  /** Pixel size and JFIF density of a JPEG (density 300 assumed when the file has none). */
  PhotoInfo describe(byte[] jpeg);

  /** A JPEG of the planned sheet with the plan's density (300 dpi) written into it. */
  byte[] render(byte[] photo, LayoutPlan plan);

  record PhotoInfo(int widthPx, int heightPx, int dpi) {}
}
