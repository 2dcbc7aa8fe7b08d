package org.gradphoto.review.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.review.domain.RejectionReason;
import org.gradphoto.review.domain.ReviewRefusal;
import org.gradphoto.review.domain.ReviewRefusal.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReviewRefusalsTest {

  @ParameterizedTest
  @EnumSource(Reason.class)
  void every_refusal_reads_as_a_client_error_with_a_code_and_a_chinese_sentence(Reason reason) {
    ProblemException p = ReviewRefusals.problem(new ReviewRefusal(reason));
    assertTrue(p.status() >= 400 && p.status() < 500, reason + " → " + p.status());
    assertFalse(p.code().isBlank());
    assertTrue(p.detail().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.detail());
  }

  @Test
  void a_conflict_keeps_its_code_and_an_input_refusal_names_the_field() {
    ProblemException claimed = ReviewRefusals.problem(new ReviewRefusal(Reason.TASK_CLAIMED));
    assertEquals(409, claimed.status());
    assertEquals("TASK_CLAIMED", claimed.code());

    ProblemException other =
        ReviewRefusals.problem(
            new ReviewRefusal(
                Reason.OTHER_WITHOUT_TEXT, Map.of("maxLength", RejectionReason.MAX_TEXT)));
    assertEquals(400, other.status());
    assertEquals("INVALID_INPUT", other.code());
    assertEquals("reasons", other.errors().get(0).field());
    assertTrue(other.detail().contains("1–200"), other.detail());
  }

  @Test
  void deciding_without_a_claim_says_to_claim_first_and_releasing_says_it_is_not_yours() {
    assertTrue(
        ReviewRefusals.problem(new ReviewRefusal(Reason.NOT_CLAIMED, Map.of("deciding", true)))
            .detail()
            .startsWith("请先认领"));
    assertTrue(
        ReviewRefusals.problem(new ReviewRefusal(Reason.NOT_CLAIMED)).detail().startsWith("您没有认领"));
  }
}
