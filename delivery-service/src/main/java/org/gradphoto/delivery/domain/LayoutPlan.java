package org.gradphoto.delivery.domain;

import java.util.List;

/**
 * Where the copies of one photo go on a print sheet, in sheet pixels. Every copy has the same size
 * ({@code copyWidthPx} × {@code copyHeightPx}, after rotation); {@code rotated} means each copy is
 * the photo turned a quarter clockwise. Cut guides are one-pixel lines just outside the copies'
 * edges, running across the whole sheet, so they never touch a photo.
 */
public record LayoutPlan(
    SheetSize sheet,
    int copyWidthPx,
    int copyHeightPx,
    boolean rotated,
    int columns,
    int rows,
    int gapPx,
    List<Copy> copies,
    List<Integer> verticalGuidesX,
    List<Integer> horizontalGuidesY) {

  public LayoutPlan {
    copies = List.copyOf(copies);
    verticalGuidesX = List.copyOf(verticalGuidesX);
    horizontalGuidesY = List.copyOf(horizontalGuidesY);
  }

  /** The top-left corner of one copy on the sheet. */
  public record Copy(int x, int y) {}

  public int count() {
    return copies.size();
  }

  public int marginLeftPx() {
    return copies.getFirst().x();
  }

  public int marginTopPx() {
    return copies.getFirst().y();
  }

  public int marginRightPx() {
    return sheet.widthPx() - (marginLeftPx() + columns * copyWidthPx + (columns - 1) * gapPx);
  }

  public int marginBottomPx() {
    return sheet.heightPx() - (marginTopPx() + rows * copyHeightPx + (rows - 1) * gapPx);
  }
}
