package org.gradphoto.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.gradphoto.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;

class RedactedTest {
  private static final String STUDENT = "Key (school_code, student_number)=(10999, 2021001)";

  @Test
  void keeps_classes_and_frames_of_the_whole_chain_but_no_message() {
    SQLException root = new SQLException(STUDENT + " already exists");
    IllegalStateException outer = new IllegalStateException("insert of 张三 failed", root);

    Redacted redacted = Redacted.of(outer);

    StringWriter printed = new StringWriter();
    redacted.printStackTrace(new PrintWriter(printed));
    assertFalse(printed.toString().contains("2021001"), printed.toString());
    assertFalse(printed.toString().contains("张三"), printed.toString());
    assertEquals(
        "java.lang.IllegalStateException <- java.sql.SQLException", Redacted.describe(outer));
    assertArrayEquals(outer.getStackTrace(), redacted.getStackTrace());
    assertArrayEquals(root.getStackTrace(), redacted.getCause().getStackTrace());
    assertNull(redacted.getCause().getCause());
  }

  @Test
  void names_the_code_of_our_own_problems() {
    ProblemException problem = ProblemException.conflict("ALREADY_SUBMITTED", "张三已提交");
    assertEquals(
        "org.gradphoto.kernel.error.ProblemException[ALREADY_SUBMITTED]",
        Redacted.describe(problem));
  }

  @Test
  void a_cause_cycle_ends() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalArgumentException b = new IllegalArgumentException("b", a);
    a.initCause(b);
    assertEquals(
        "java.lang.IllegalStateException <- java.lang.IllegalArgumentException",
        Redacted.describe(a));
    assertNull(Redacted.of(null));
  }
}
