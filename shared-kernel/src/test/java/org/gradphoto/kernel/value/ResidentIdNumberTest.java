package org.gradphoto.kernel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {
  // The GB 11643 specimen number: its check character is X.
  private static final String SPECIMEN = "11010519491231002X";

  @Test
  void computes_the_check_character_of_the_standards_specimen() {
    assertEquals('X', ResidentIdNumber.checkCharacter(SPECIMEN.substring(0, 17)));
  }

  @Test
  void accepts_a_valid_number_with_a_lower_case_x() {
    ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x ");
    assertEquals(SPECIMEN, id.value());
    assertEquals("002X", id.lastFour());
  }

  @Test
  void rejects_a_wrong_check_character_with_an_actionable_reason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ResidentIdNumber.parse("110105194912310021"));
    assertTrue(e.getMessage().contains("校验位"));
  }

  @Test
  void rejects_an_impossible_birth_date_and_wrong_lengths() {
    String feb30 = "11010519490230" + "001";
    String withCheck = feb30 + ResidentIdNumber.checkCharacter(feb30);
    assertFalse(ResidentIdNumber.isValid(withCheck));
    assertFalse(ResidentIdNumber.isValid("1101051949123100"));
    assertFalse(ResidentIdNumber.isValid(null));
  }

  @Test
  void masks_birth_date_and_sequence_and_never_prints_the_number() {
    ResidentIdNumber id = ResidentIdNumber.parse(SPECIMEN);
    assertEquals("**************002X", id.masked());
    assertEquals("**************002X", id.toString());
  }

  @Test
  void masks_phones_names_and_short_documents() {
    assertEquals("138****5678", Masking.maskPhone("+86 138-0013-5678"));
    assertEquals("138****5678", new PhoneNumber("13800135678").toString());
    assertEquals("张*", Masking.maskName("张三"));
    assertEquals("欧**", Masking.maskName("欧阳锋"));
    assertEquals("*****5678", Masking.maskIdNumber("H12345678"));
    assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("12345"));
  }
}
