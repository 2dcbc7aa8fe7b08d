package org.gradphoto.delivery.domain;

import java.util.Arrays;
import java.util.Optional;

/** Print sheets a layout sheet (排版照) can be made for, at 300 dpi, long side horizontal. */
public enum SheetSize {
  SIX_INCH("6-inch", "6寸", 1800, 1200),
  FIVE_INCH("5-inch", "5寸", 1500, 1050),
  A4("a4", "A4", 3508, 2480);

  public static final int DPI = 300;

  private final String id;
  private final String label;
  private final int widthPx;
  private final int heightPx;

  SheetSize(String id, String label, int widthPx, int heightPx) {
    this.id = id;
    this.label = label;
    this.widthPx = widthPx;
    this.heightPx = heightPx;
  }

  public static SheetSize defaultSheet() {
    return SIX_INCH;
  }

  public static Optional<SheetSize> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst();
  }

  public String id() {
    return id;
  }

  /** The name a student reads (6寸, 5寸, A4). */
  public String label() {
    return label;
  }

  public int widthPx() {
    return widthPx;
  }

  public int heightPx() {
    return heightPx;
  }
}
