package org.gradphoto.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gradphoto.kernel.value.ResidentIdNumber;
import org.junit.jupiter.api.Test;

class RosterValidationTest {
  static String id(String seq) {
    String first17 = "11010520020101" + seq;
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static Map<RosterColumn, String> line(String number, String idType, String idNumber) {
    Map<RosterColumn, String> m = new EnumMap<>(RosterColumn.class);
    m.put(RosterColumn.SCHOOL_CODE, "10999");
    m.put(RosterColumn.SCHOOL_NAME, "示范大学");
    m.put(RosterColumn.STUDENT_NUMBER, number);
    m.put(RosterColumn.NAME, "阿卜杜拉·买买提");
    m.put(RosterColumn.ID_TYPE, idType);
    m.put(RosterColumn.ID_NUMBER, idNumber);
    m.put(RosterColumn.DEGREE_LEVEL, "本科");
    return m;
  }

  @Test
  void a_duplicate_id_number_in_the_file_is_reported_on_the_second_line() {
    List<RosterValidation.Line> out =
        RosterValidation.check(
            "10999", List.of(line("1", "", id("001")), line("2", "身份证", id("001"))));
    assertTrue(out.get(0).row().isPresent());
    assertEquals("证件号码与第2行重复", out.get(1).problems().get(0).message());
  }

  @Test
  void a_lower_case_x_check_character_and_permit_types_are_accepted() {
    String first17 = "11010519900307015";
    char check = ResidentIdNumber.checkCharacter(first17);
    String raw = first17 + Character.toLowerCase(check);
    List<RosterValidation.Line> out =
        RosterValidation.check(
            "10999", List.of(line("1", "RESIDENT_ID", raw), line("2", "港澳居民来往内地通行证", "H12345678")));
    assertTrue(out.get(0).row().isPresent(), out.get(0).problems().toString());
    assertEquals("H12345678", out.get(1).row().orElseThrow().id().number());
    assertEquals(IdType.HK_MACAO_PERMIT, out.get(1).row().orElseThrow().id().type());
  }

  @Test
  void an_unknown_id_type_is_reported() {
    List<RosterValidation.Line> out =
        RosterValidation.check("10999", List.of(line("1", "驾驶证", "123456")));
    assertEquals("id_type", out.get(0).problems().get(0).field());
  }

  @Test
  void a_row_keeps_the_name_as_written_and_never_prints_personal_data() {
    RosterRow row =
        RosterValidation.check("10999", List.of(line("1", "", id("002"))))
            .get(0)
            .row()
            .orElseThrow();
    assertEquals("阿卜杜拉·买买提", row.name());
    assertTrue(!row.toString().contains(id("002")) && !row.toString().contains("阿卜杜拉"));
    assertTrue(!row.id().toString().contains(id("002").substring(6, 14)));
  }
}
