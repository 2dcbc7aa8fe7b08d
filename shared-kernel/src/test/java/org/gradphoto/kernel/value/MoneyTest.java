package org.gradphoto.kernel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void parses_yuan_exactly_into_fen() {
    assertEquals(2550, Money.parseYuan("25.5").fen());
    assertEquals(2505, Money.parseYuan("25.05").fen());
    assertEquals(2500, Money.parseYuan("25").fen());
    // 0.1 + 0.2 in floating point is not 0.3; in fen it is.
    assertEquals(30, Money.parseYuan("0.1").plus(Money.parseYuan("0.2")).fen());
  }

  @Test
  void refuses_more_than_two_decimals_and_negative_amounts() {
    assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1.005"));
    assertThrows(IllegalArgumentException.class, () -> Money.ofFen(-1));
  }

  @Test
  void prints_yuan_with_two_decimals() {
    assertEquals("25.05", Money.ofFen(2505).toYuanString());
    assertEquals("0.00", Money.ZERO.toYuanString());
  }

  @Test
  void school_codes_have_five_digits() {
    assertEquals("10001", SchoolCode.of(" 10001 ").value());
    assertThrows(IllegalArgumentException.class, () -> SchoolCode.of("1001"));
  }
}
