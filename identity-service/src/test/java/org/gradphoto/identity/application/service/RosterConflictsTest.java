package org.gradphoto.identity.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.identity.application.port.out.RosterRepository.HeldId;
import org.gradphoto.identity.domain.RosterRow;
import org.gradphoto.identity.domain.RosterValidation.Line;
import org.gradphoto.identity.domain.RosterValidation.Problem;
import org.junit.jupiter.api.Test;

/** Duplicate ID numbers judged on the roster as it will be after the import (hashes stand in). */
class RosterConflictsTest {
  private final List<Line> lines = new ArrayList<>();
  private final Map<Integer, String> hashes = new HashMap<>();

  /** A good line: student number takes the ID hash. */
  private void good(String number, String hash) {
    int line = lines.size() + 2;
    lines.add(new Line(line, number, Optional.of(rowPlaceholder()), List.of()));
    hashes.put(line, hash);
  }

  /** A line refused by validation already. */
  private void bad(String number) {
    lines.add(
        new Line(lines.size() + 2, number, Optional.empty(), List.of(new Problem("name", "x"))));
  }

  /** Only the presence of a row matters to the check: the hash stands for the ID number. */
  private static RosterRow rowPlaceholder() {
    return new RosterRow(0, "", "", "", "", null, Optional.empty(), Optional.empty(), "");
  }

  @Test
  void a_rotation_among_three_students_passes() {
    good("A", "hb");
    good("B", "hc");
    good("C", "ha");
    Map<Integer, Problem> out =
        RosterService.conflicts(
            lines,
            hashes,
            List.of(new HeldId("ha", "A"), new HeldId("hb", "B"), new HeldId("hc", "C")));
    assertEquals(Map.of(), out);
  }

  @Test
  void a_refusal_travels_along_a_chain_of_takers() {
    // A takes B's, B takes C's, C's line is bad: C keeps hc, so B keeps hb, so A is refused too.
    good("A", "hb");
    good("B", "hc");
    bad("C");
    Map<Integer, Problem> out =
        RosterService.conflicts(
            lines,
            hashes,
            List.of(new HeldId("ha", "A"), new HeldId("hb", "B"), new HeldId("hc", "C")));
    assertEquals(2, out.size());
    assertEquals("该证件号码仍登记在本批次学号B下：本文件第3行对该学号的修改未能导入", out.get(2).message());
    assertEquals("该证件号码仍登记在本批次学号C下：本文件第4行对该学号的修改未能导入", out.get(3).message());
  }

  @Test
  void a_student_keeping_its_own_number_and_a_new_student_pass() {
    good("A", "ha");
    good("N", "hn");
    assertEquals(Map.of(), RosterService.conflicts(lines, hashes, List.of(new HeldId("ha", "A"))));
  }

  @Test
  void a_number_held_by_a_student_not_in_the_file_is_refused() {
    good("A", "hb");
    Map<Integer, Problem> out =
        RosterService.conflicts(lines, hashes, List.of(new HeldId("hb", "B")));
    assertEquals("该证件号码已登记在本批次学号B下", out.get(2).message());
    assertEquals("id_number", out.get(2).field());
  }
}
