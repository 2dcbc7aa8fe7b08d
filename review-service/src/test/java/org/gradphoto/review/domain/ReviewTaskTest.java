package org.gradphoto.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ReviewTaskTest {
  private static final Duration LEASE = Duration.ofMinutes(10);
  private final Instant now = Instant.parse("2026-11-23T08:00:00Z");

  private ReviewTask task() {
    Submission s =
        new Submission(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "10999",
            "chsi-graduation",
            "std",
            "orig",
            "cut",
            "#64C5FF",
            List.of(),
            Map.of(),
            now);
    return ReviewTask.open(s, "corr", now.plus(Duration.ofHours(24)), true);
  }

  private static void fails(String code, Executable action) {
    assertEquals(code, assertThrows(ReviewRefusal.class, action).reason().name());
  }

  @Test
  void a_claim_held_by_another_reviewer_cannot_be_taken_until_its_lease_runs_out() {
    ReviewTask t = task();
    t.claim("r1", "r1", now, LEASE);
    fails("TASK_CLAIMED", () -> t.claim("r2", "r2", now.plusSeconds(599), LEASE));
    t.claim("r2", "r2", now.plus(LEASE), LEASE);
    assertTrue(t.heldBy("r2", now.plus(LEASE)));
  }

  @Test
  void a_decision_needs_a_live_claim_of_the_deciding_reviewer() {
    ReviewTask t = task();
    fails("NOT_CLAIMED", () -> t.decide("r1", "r1", Outcome.PASS, List.of(), null, now));
    t.claim("r1", "r1", now, LEASE);
    fails(
        "LEASE_EXPIRED",
        () -> t.decide("r1", "r1", Outcome.PASS, List.of(), null, now.plus(LEASE).plusSeconds(1)));
  }

  @Test
  void a_decision_is_final_until_an_operator_reopens_it() {
    ReviewTask t = task();
    t.claim("r1", "r1", now, LEASE);
    t.decide(
        "r1",
        "r1",
        Outcome.REJECT,
        ReviewTask.reasons(List.of(new ReviewTask.ReasonChoice("BLURRY", null))),
        null,
        now);
    assertEquals(TaskStatus.DECIDED, t.status());
    fails("TASK_DECIDED", () -> t.claim("r2", "r2", now, LEASE));
    t.reopen();
    assertEquals(TaskStatus.OPEN, t.status());
    assertNull(t.decision());
    assertEquals(1, t.reopenCount());
  }

  @Test
  void reasons_carry_the_students_sentence_and_other_carries_the_reviewers_own_text() {
    List<GivenReason> reasons =
        ReviewTask.reasons(
            List.of(
                new ReviewTask.ReasonChoice("SELFIE", null),
                new ReviewTask.ReasonChoice("SELFIE", null),
                new ReviewTask.ReasonChoice("OTHER", "  请摘下发卡 ")));
    assertEquals(
        List.of(
            new GivenReason("SELFIE", RejectionReason.SELFIE.sentence()),
            new GivenReason("OTHER", "请摘下发卡")),
        reasons);
    fails(
        "OTHER_WITHOUT_TEXT",
        () -> ReviewTask.reasons(List.of(new ReviewTask.ReasonChoice("OTHER", " "))));
  }
}
