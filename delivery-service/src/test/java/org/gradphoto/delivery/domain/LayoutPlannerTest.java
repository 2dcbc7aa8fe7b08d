package org.gradphoto.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayoutPlannerTest {

  @Test
  void the_diploma_photo_fits_four_times_on_a_six_inch_sheet_when_turned() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.SIX_INCH, 480, 640, 300);
    // Upright only three fit in one row; turned, a 2 × 2 grid does.
    assertTrue(p.rotated());
    assertEquals(4, p.count());
    assertEquals(2, p.columns());
    assertEquals(2, p.rows());
    assertEquals(640, p.copyWidthPx());
    assertEquals(480, p.copyHeightPx());
    assertEquals(248, p.marginLeftPx());
    assertEquals(248, p.marginRightPx());
    assertEquals(108, p.marginTopPx());
    assertEquals(108, p.marginBottomPx());
    assertEquals(new LayoutPlan.Copy(248 + 640 + 24, 108 + 480 + 24), p.copies().get(3));
  }

  @Test
  void a_one_inch_photo_fits_twelve_times_on_a_six_inch_sheet() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.SIX_INCH, 295, 413, 300);
    assertTrue(p.rotated());
    assertEquals(12, p.count());
    assertEquals(4, p.columns());
    assertEquals(3, p.rows());
    assertEquals(p.marginLeftPx(), p.marginRightPx());
    assertTrue(Math.abs(p.marginTopPx() - p.marginBottomPx()) <= 1, "top and bottom margins even");
    assertTrue(p.marginTopPx() >= LayoutPlanner.MIN_MARGIN_PX);
  }

  @Test
  void the_photo_stays_upright_when_turning_fits_no_more() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.FIVE_INCH, 480, 640, 300);
    assertFalse(p.rotated());
    assertEquals(2, p.count());
  }

  @Test
  void an_a4_sheet_takes_twenty_diploma_photos() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.A4, 480, 640, 300);
    assertEquals(20, p.count());
  }

  @Test
  void a_photo_of_another_density_keeps_its_printed_size() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.SIX_INCH, 240, 320, 150);
    assertEquals(640, p.copyWidthPx());
    assertEquals(480, p.copyHeightPx());
  }

  @Test
  void guides_lie_one_pixel_outside_every_copy_edge() {
    LayoutPlan p = LayoutPlanner.plan(SheetSize.SIX_INCH, 480, 640, 300);
    assertEquals(4, p.verticalGuidesX().size());
    assertEquals(247, p.verticalGuidesX().get(0));
    assertEquals(248 + 640, p.verticalGuidesX().get(1));
    assertEquals(107, p.horizontalGuidesY().get(0));
  }

  @Test
  void a_photo_larger_than_the_sheet_is_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LayoutPlanner.plan(SheetSize.FIVE_INCH, 2000, 3000, 300));
  }
}
