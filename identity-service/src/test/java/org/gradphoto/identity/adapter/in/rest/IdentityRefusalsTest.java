package org.gradphoto.identity.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.CollectionWindow;
import org.gradphoto.identity.domain.EligibilityMode;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
import org.gradphoto.identity.domain.PaymentPolicy;
import org.gradphoto.identity.domain.School;
import org.gradphoto.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdentityRefusalsTest {
  private static final Instant OPENS = Instant.parse("2026-06-09T00:00:00Z");
  private static final Instant CLOSES = Instant.parse("2026-06-13T00:00:00Z");

  /** The facts each reason is thrown with by the domain and the use cases. */
  private static IdentityRefusal thrown(Reason reason) {
    return switch (reason) {
      case SCHOOL_NOT_YOURS -> new IdentityRefusal(reason, Map.of("school", "10001"));
      case REVIEW_PROMISE_UNKNOWN ->
          new IdentityRefusal(reason, Map.of("allowed", Batch.REVIEW_PROMISES));
      case UPLOAD_MAX_TOO_LARGE ->
          new IdentityRefusal(reason, Map.of("max", Batch.MAX_UPLOAD_BYTES));
      case UPLOAD_MAX_TOO_SMALL ->
          new IdentityRefusal(reason, Map.of("min", Batch.MIN_UPLOAD_CEILING));
      case TEXT_TOO_LONG -> new IdentityRefusal(reason, Map.of("field", "notice", "max", 5000));
      case WINDOW_NOT_ORDERED -> new IdentityRefusal(reason, Map.of("field", "signUpOpensAt"));
      case ROSTER_TOO_LARGE -> new IdentityRefusal(reason, Map.of("max", 100_000));
      case UNBIND_REASON_INVALID -> new IdentityRefusal(reason, Map.of("max", 200));
      case ID_NUMBER_INVALID -> new IdentityRefusal(reason, Map.of("why", "身份证号校验位不正确，请核对后重新输入"));
      case TOO_MANY_ATTEMPTS -> new IdentityRefusal(reason, Map.of("retryAfterSeconds", 3600L));
      case OUTSIDE_WINDOW ->
          new IdentityRefusal(reason, Map.of("signUp", new CollectionWindow(OPENS, CLOSES)));
      default -> new IdentityRefusal(reason);
    };
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void every_refusal_is_a_client_error_a_person_reads_in_chinese(Reason reason) {
    ProblemException p = IdentityRefusals.problem(thrown(reason));
    assertTrue(p.status() >= 400 && p.status() < 500, reason + " → " + p.status());
    assertTrue(p.detail().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.detail());
    if (p.code().equals("INVALID_INPUT")) {
      assertEquals(1, p.errors().size(), reason + " names its field");
    } else {
      assertEquals(reason.name(), p.code());
    }
  }

  @Test
  void the_statuses_are_those_the_clients_already_know() {
    Map<Reason, Integer> special =
        Map.of(
            Reason.READ_ONLY_ACCOUNT, 403,
            Reason.SCHOOL_NOT_YOURS, 403,
            Reason.OPERATOR_ONLY, 403,
            Reason.WECHAT_LOGIN_FAILED, 401,
            Reason.TOO_MANY_ATTEMPTS, 429,
            Reason.OUTSIDE_WINDOW, 422,
            Reason.MODE_NOT_OFFERED, 422,
            Reason.NO_CODE_FOUND, 422);
    Set<Reason> notFound =
        Set.of(
            Reason.NO_SUCH_SCHOOL,
            Reason.NO_SUCH_BATCH,
            Reason.NOT_BOUND,
            Reason.COLLECTION_NOT_FOUND,
            Reason.MATCH_EXPIRED,
            Reason.NO_MATCH);
    for (Reason reason : Reason.values()) {
      int expected = special.getOrDefault(reason, notFound.contains(reason) ? 404 : 400);
      assertEquals(expected, IdentityRefusals.problem(thrown(reason)).status(), reason.name());
    }
  }

  @Test
  void the_facts_are_worded() {
    ProblemException tooLong = IdentityRefusals.problem(thrown(Reason.TEXT_TOO_LONG));
    assertEquals("notice", tooLong.errors().get(0).field());
    assertEquals("批次通知不能超过5000个字", tooLong.detail());
    assertEquals(
        "上传大小上限不能超过10MB（10000000字节）",
        IdentityRefusals.problem(thrown(Reason.UPLOAD_MAX_TOO_LARGE)).detail());
    assertTrue(
        IdentityRefusals.problem(thrown(Reason.UPLOAD_MAX_TOO_SMALL)).detail().contains("100KB"));
    ProblemException window = IdentityRefusals.problem(thrown(Reason.WINDOW_NOT_ORDERED));
    assertEquals("signUpOpensAt", window.errors().get(0).field());
    ProblemException outside = IdentityRefusals.problem(thrown(Reason.OUTSIDE_WINDOW));
    assertTrue(outside.detail().contains("2026年6月9日 08:00"), outside.detail());
    assertEquals(OPENS.toString(), outside.extensions().get("opensAt"));
    assertEquals(
        3600L,
        IdentityRefusals.problem(thrown(Reason.TOO_MANY_ATTEMPTS))
            .extensions()
            .get("retryAfterSeconds"));
    assertTrue(
        IdentityRefusals.problem(thrown(Reason.SCHOOL_NOT_YOURS)).detail().contains("10001"));
  }

  @Test
  void the_domain_refuses_bad_batch_and_school_settings_with_a_reason_not_a_sentence() {
    IdentityRefusal price =
        assertThrows(IdentityRefusal.class, () -> batch(-1, 10_000_000, "010-12345678"));
    assertEquals(Reason.PRICE_NEGATIVE, price.reason());
    IdentityRefusal upload = assertThrows(IdentityRefusal.class, () -> batch(0, 50_000_000, null));
    assertEquals(Reason.UPLOAD_MAX_TOO_LARGE, upload.reason());
    IdentityRefusal phone =
        assertThrows(IdentityRefusal.class, () -> batch(0, 10_000_000, "请拨打客服"));
    assertEquals(Reason.SUPPORT_PHONE_INVALID, phone.reason());
    assertEquals(
        Reason.SCHOOL_NAME_INVALID,
        assertThrows(IdentityRefusal.class, () -> new School("10001", " ")).reason());
    assertEquals(
        Reason.WINDOW_NOT_ORDERED,
        assertThrows(IdentityRefusal.class, () -> new CollectionWindow(CLOSES, OPENS)).reason());
  }

  private static Batch batch(long priceFen, long uploadMaxBytes, String supportPhone) {
    return new Batch(
        null,
        "10001",
        "2026届毕业生图像采集",
        new CollectionWindow(OPENS, CLOSES),
        priceFen,
        PaymentPolicy.PAY_BEFORE_CAPTURE,
        "chsi-graduation",
        Set.of(EligibilityMode.SCHOOL_NAME_ID),
        "P2WD",
        null,
        null,
        false,
        List.of("blue"),
        20_000,
        uploadMaxBytes,
        null,
        null,
        null,
        supportPhone,
        null);
  }
}
