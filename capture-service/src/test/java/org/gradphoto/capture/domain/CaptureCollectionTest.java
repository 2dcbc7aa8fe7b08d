package org.gradphoto.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;
import org.junit.jupiter.api.Test;

class CaptureCollectionTest {
  private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  private static CaptureCollection collection(String policy, boolean allowFindings) {
    CaptureCollection c = new CaptureCollection(UUID.randomUUID());
    c.grant(
        new CaptureCollection.Terms(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "10999",
            "chsi-graduation",
            policy,
            allowFindings,
            List.of("#64C5FF", "#FFFFFF"),
            100 * 1024,
            2 * 1024 * 1024,
            NOW.plusSeconds(3600)));
    return c;
  }

  private static Attempt attempt(String... severities) {
    List<Finding> findings =
        java.util.Arrays.stream(severities)
            .map(s -> new Finding("X", s, "信息", null, null, null))
            .toList();
    return new Attempt(
        UUID.randomUUID(),
        UUID.randomUUID(),
        1,
        NOW,
        null,
        new Attempt.Original("o", "image/jpeg", 1),
        AttemptStatus.READY,
        new Attempt.Rendering("s", "c", null, "#64C5FF", findings, Map.of(), NOW));
  }

  @Test
  void paid_before_the_shooting_window_it_says_when_shooting_opens_and_refuses_uploads() {
    CaptureCollection c = new CaptureCollection(UUID.randomUUID());
    Instant opens = NOW.plusSeconds(2 * 3600);
    c.grant(
        new CaptureCollection.Terms(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "10999",
            "chsi-graduation",
            CaptureCollection.PAY_BEFORE_CAPTURE,
            false,
            List.of("#64C5FF"),
            100 * 1024,
            2 * 1024 * 1024,
            NOW.plusSeconds(72 * 3600),
            opens));
    assertEquals(Phase.AWAITING_PAYMENT, c.phase(NOW, 0));
    c.paymentConfirmed();
    assertEquals(Phase.NOT_YET_OPEN, c.phase(NOW, 0));
    assertEquals("拍摄将于 2026年6月1日 18:00（北京时间）开始，届时再拍照上传。", c.nextStep(NOW, 0));
    CaptureRefusal refused = assertThrows(CaptureRefusal.class, () -> c.ensureCapturing(NOW));
    assertEquals(Reason.CAPTURE_NOT_OPEN_YET, refused.reason());
    assertEquals(c.nextStep(NOW, 0), refused.fact("nextStep"));
    assertEquals(Phase.READY_TO_SHOOT, c.phase(opens, 0));
  }

  @Test
  void the_reasons_of_a_rejection_are_joined_without_doubled_punctuation() {
    CaptureCollection c = collection("PAY_AFTER_REVIEW", false);
    Attempt a = attempt();
    c.submit(a, NOW);
    c.reviewRejected(
        a.id(), List.of(new ReviewReason("BLUR", "照片模糊。"), new ReviewReason("GLARE", "眼镜反光")));
    String said = c.nextStep(NOW, 1);
    assertTrue(said.endsWith("原因：照片模糊；眼镜反光。"), said);
    assertTrue(!said.contains("。；") && !said.contains("。。"), said);
  }

  @Test
  void pay_before_capture_waits_for_payment_and_then_opens() {
    CaptureCollection c = collection(CaptureCollection.PAY_BEFORE_CAPTURE, false);
    assertEquals(Phase.AWAITING_PAYMENT, c.phase(NOW, 0));
    CaptureRefusal refused = assertThrows(CaptureRefusal.class, () -> c.ensureCapturing(NOW));
    assertEquals(Reason.PAYMENT_REQUIRED, refused.reason());
    c.paymentConfirmed();
    assertEquals(Phase.READY_TO_SHOOT, c.phase(NOW, 0));
    assertEquals(Phase.READY_TO_SUBMIT, c.phase(NOW, 2));
  }

  @Test
  void payment_before_eligibility_is_kept_and_capture_opens_when_the_terms_arrive() {
    CaptureCollection stub = new CaptureCollection(UUID.randomUUID());
    stub.paymentConfirmed();
    assertEquals(Phase.NOT_ELIGIBLE, stub.phase(NOW, 0));
    stub.grant(collection(CaptureCollection.PAY_BEFORE_CAPTURE, false).terms());
    assertEquals(Phase.READY_TO_SHOOT, stub.phase(NOW, 0));
  }

  @Test
  void capture_closes_with_the_window() {
    CaptureCollection c = collection("PAY_AFTER_REVIEW", false);
    assertEquals(Phase.WINDOW_CLOSED, c.phase(NOW.plusSeconds(3600), 0));
  }

  @Test
  void an_attempt_with_reject_findings_is_submitted_only_when_the_batch_allows_it() {
    CaptureCollection strict = collection("PAY_AFTER_REVIEW", false);
    CaptureRefusal e =
        assertThrows(CaptureRefusal.class, () -> strict.submit(attempt("REJECT", "WARN"), NOW));
    assertEquals(Reason.ATTEMPT_HAS_REJECT_FINDINGS, e.reason());
    strict.submit(attempt("WARN"), NOW);
    assertEquals(CaptureState.UNDER_REVIEW, strict.state());

    CaptureCollection lenient = collection("PAY_AFTER_REVIEW", true);
    lenient.submit(attempt("REJECT"), NOW);
    assertEquals(Phase.UNDER_REVIEW, lenient.phase(NOW, 1));
  }

  @Test
  void a_rejection_reopens_capture_with_the_reasons_and_a_pass_locks_it_for_good() {
    CaptureCollection c = collection("PAY_AFTER_REVIEW", false);
    Attempt a = attempt();
    c.submit(a, NOW);
    c.reviewRejected(a.id(), List.of(new ReviewReason("BLUR", "照片模糊。")));
    assertEquals(Phase.RETAKE_REQUESTED, c.phase(NOW, 1));
    assertTrue(c.nextStep(NOW, 1).contains("照片模糊。"));
    c.submit(a, NOW);
    c.reviewPassed(a.id());
    assertEquals(Phase.PASSED, c.phase(NOW, 1));
    c.reviewRejected(a.id(), List.of());
    assertEquals(Phase.PASSED, c.phase(NOW, 1), "a late rejection does not unlock");
    CaptureRefusal e = assertThrows(CaptureRefusal.class, () -> c.ensureCapturing(NOW));
    assertEquals(Reason.PHOTO_LOCKED, e.reason());
    c.delivered();
    c.completed(a.id());
    assertEquals(Phase.DELIVERED, c.phase(NOW, 1));
  }

  @Test
  void the_size_window_and_colours_of_the_batch_are_enforced() {
    CaptureCollection c = collection("PAY_AFTER_REVIEW", false);
    CaptureRefusal small = assertThrows(CaptureRefusal.class, () -> c.ensureSizeAllowed(50 * 1024));
    assertEquals(Reason.FILE_SIZE_NOT_ALLOWED, small.reason());
    assertEquals(50L * 1024, small.facts().get("bytes"));
    assertThrows(CaptureRefusal.class, () -> c.ensureSizeAllowed(3 * 1024 * 1024));
    c.ensureSizeAllowed(500 * 1024);
    assertEquals("#64C5FF", c.colourOrDefault(null));
    assertEquals("#FFFFFF", c.colourOrDefault("#ffffff"));
    CaptureRefusal colour = assertThrows(CaptureRefusal.class, () -> c.colourOrDefault("#F0F0F0"));
    assertEquals(Reason.BACKGROUND_NOT_ALLOWED, colour.reason());
  }

  @Test
  void a_guide_frame_outside_the_picture_is_refused() {
    assertThrows(CaptureRefusal.class, () -> new CropHint(0, 0, 0, 1));
    assertThrows(CaptureRefusal.class, () -> new CropHint(0.5, 0, 1.8, 1));
    assertEquals(0.5, new CropHint(0.25, 0, 0.5, 1).width());
  }

  @Test
  void a_withdrawal_reopens_only_the_attempt_under_review_and_never_a_locked_photo() {
    CaptureCollection c = collection("PAY_AFTER_REVIEW", false);
    Attempt a = attempt();
    c.submit(a, NOW);
    assertFalse(c.submissionWithdrawn(UUID.randomUUID()), "another attempt's withdrawal");
    assertEquals(Phase.UNDER_REVIEW, c.phase(NOW, 1));

    assertTrue(c.submissionWithdrawn(a.id()));
    assertEquals(Phase.READY_TO_SUBMIT, c.phase(NOW, 1));
    assertFalse(c.submissionWithdrawn(a.id()), "a second delivery does nothing");

    c.submit(a, NOW);
    c.reviewPassed(a.id());
    assertFalse(c.submissionWithdrawn(a.id()), "a passed photo stays locked");
    assertEquals(Phase.PASSED, c.phase(NOW, 1));
  }
}
