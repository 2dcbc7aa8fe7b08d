package org.gradphoto.delivery.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a layout sheet: as many same-size copies as fit inside the minimum margins with a fixed gap
 * between them, turned a quarter when that fits more, the grid centred so opposite margins are
 * equal. Copies keep their physical size: a photo of {@code w} px at {@code d} dpi is {@code w ×
 * 300 / d} px on the sheet.
 */
public final class LayoutPlanner {
  /** 3 mm at 300 dpi: printers do not print to the edge. */
  public static final int MIN_MARGIN_PX = 36;

  /** 2 mm at 300 dpi: room to cut between copies, with a guide on each side. */
  public static final int GAP_PX = 24;

  private LayoutPlanner() {}

  public static LayoutPlan plan(
      SheetSize sheet, int photoWidthPx, int photoHeightPx, int photoDpi) {
    if (photoWidthPx < 1 || photoHeightPx < 1 || photoDpi < 1) {
      throw new IllegalArgumentException("photo size and density must be positive");
    }
    int w = Math.round(photoWidthPx * (float) SheetSize.DPI / photoDpi);
    int h = Math.round(photoHeightPx * (float) SheetSize.DPI / photoDpi);
    int[] upright = fit(sheet, w, h);
    int[] turned = fit(sheet, h, w);
    boolean rotated = turned[0] * turned[1] > upright[0] * upright[1];
    int[] grid = rotated ? turned : upright;
    int copyW = rotated ? h : w;
    int copyH = rotated ? w : h;
    int columns = grid[0];
    int rows = grid[1];
    if (columns * rows == 0) {
      throw new IllegalArgumentException(
          "a " + w + "×" + h + " px copy does not fit on a " + sheet.id() + " sheet");
    }
    int usedW = columns * copyW + (columns - 1) * GAP_PX;
    int usedH = rows * copyH + (rows - 1) * GAP_PX;
    int left = (sheet.widthPx() - usedW) / 2;
    int top = (sheet.heightPx() - usedH) / 2;
    List<LayoutPlan.Copy> copies = new ArrayList<>();
    List<Integer> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      int x = left + c * (copyW + GAP_PX);
      xs.add(x - 1);
      xs.add(x + copyW);
    }
    for (int r = 0; r < rows; r++) {
      int y = top + r * (copyH + GAP_PX);
      ys.add(y - 1);
      ys.add(y + copyH);
      for (int c = 0; c < columns; c++) {
        copies.add(new LayoutPlan.Copy(left + c * (copyW + GAP_PX), y));
      }
    }
    return new LayoutPlan(sheet, copyW, copyH, rotated, columns, rows, GAP_PX, copies, xs, ys);
  }

  private static int[] fit(SheetSize sheet, int w, int h) {
    int columns = Math.max(0, (sheet.widthPx() - 2 * MIN_MARGIN_PX + GAP_PX) / (w + GAP_PX));
    int rows = Math.max(0, (sheet.heightPx() - 2 * MIN_MARGIN_PX + GAP_PX) / (h + GAP_PX));
    return new int[] {columns, rows};
  }
}
