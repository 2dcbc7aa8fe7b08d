package org.gradphoto.capture.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;
import org.gradphoto.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaptureRefusalsTest {

  /** The facts each reason is thrown with by the domain and the use cases. */
  private static CaptureRefusal thrown(Reason reason) {
    return switch (reason) {
      case PAYMENT_REQUIRED,
          NOT_ELIGIBLE,
          CAPTURE_WINDOW_CLOSED,
          CAPTURE_NOT_OPEN_YET,
          PHOTO_LOCKED ->
          new CaptureRefusal(reason, Map.of("nextStep", "下一步：请按提示操作"));
      case FILE_SIZE_NOT_ALLOWED ->
          new CaptureRefusal(
              reason,
              Map.of("bytes", 50L * 1024, "minBytes", 100L * 1024, "maxBytes", 3L * 1024 * 1024));
      case BACKGROUND_NOT_ALLOWED ->
          new CaptureRefusal(reason, Map.of("allowed", List.of("#64C5FF", "#FFFFFF")));
      case PHOTO_REJECTED ->
          new CaptureRefusal(reason, Map.of("code", "NO_FACE", "message", "没有检测到人脸，请正对镜头重拍。"));
      case STANDARDIZER_STARTING, STANDARDIZER_BUSY ->
          new CaptureRefusal(reason, Map.of("retryAfterSeconds", 5));
      case UPLOAD_LIMIT_REACHED ->
          new CaptureRefusal(reason, Map.of("perHour", 30, "retryAfterSeconds", 61));
      default -> new CaptureRefusal(reason);
    };
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void every_refusal_reads_as_a_chinese_sentence(Reason reason) {
    ProblemException p = CaptureRefusals.problem(thrown(reason));
    assertTrue(p.detail().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.detail());
  }

  @Test
  void the_statuses_and_codes_are_those_the_app_already_knows() {
    Map<Reason, Integer> status = new EnumMap<>(Reason.class);
    put(status, 409, "NOT_ELIGIBLE CAPTURE_WINDOW_CLOSED CAPTURE_NOT_OPEN_YET UNDER_REVIEW");
    put(status, 409, "PHOTO_LOCKED ATTEMPT_LOCKED");
    put(status, 422, "FILE_SIZE_NOT_ALLOWED ATTEMPT_HAS_NO_PHOTO ATTEMPT_HAS_REJECT_FINDINGS");
    put(status, 422, "PHOTO_REJECTED");
    put(status, 400, "BACKGROUND_NOT_ALLOWED CROP_HINT_OUTSIDE PHOTO_EMPTY NOTHING_TO_ADJUST");
    put(status, 402, "PAYMENT_REQUIRED");
    put(status, 410, "ORIGINAL_EXPIRED ORIGINAL_NOT_STORED");
    put(status, 404, "COLLECTION_NOT_FOUND ATTEMPT_NOT_FOUND");
    put(status, 403, "STAFF_ONLY SCHOOL_NOT_ALLOWED");
    put(status, 503, "STANDARDIZER_STARTING STANDARDIZER_BUSY");
    put(status, 429, "UPLOAD_LIMIT_REACHED");
    for (Reason r : Reason.values()) {
      ProblemException p = CaptureRefusals.problem(thrown(r));
      assertEquals(status.get(r), p.status(), r.name());
      String code =
          switch (r) {
            case BACKGROUND_NOT_ALLOWED, CROP_HINT_OUTSIDE -> "INVALID_INPUT";
            case PHOTO_REJECTED -> "PHOTO_NO_FACE";
            default -> r.name();
          };
      assertEquals(code, p.code(), r.name());
    }
  }

  private static void put(Map<Reason, Integer> status, int code, String reasons) {
    for (String r : reasons.split(" ")) {
      status.put(Reason.valueOf(r), code);
    }
  }

  @Test
  void the_facts_are_worded_sizes_colours_and_waits() {
    assertTrue(
        CaptureRefusals.problem(thrown(Reason.FILE_SIZE_NOT_ALLOWED))
            .detail()
            .contains("50 KB，本批次要求在 100 KB 到 3.0 MB 之间"));
    ProblemException colour = CaptureRefusals.problem(thrown(Reason.BACKGROUND_NOT_ALLOWED));
    assertEquals("background", colour.errors().get(0).field());
    assertTrue(colour.detail().contains("#64C5FF、#FFFFFF"), colour.detail());
    ProblemException limit = CaptureRefusals.problem(thrown(Reason.UPLOAD_LIMIT_REACHED));
    assertTrue(limit.detail().contains("最多上传 30 张") && limit.detail().contains("请 2 分钟后"));
    assertEquals(61, limit.extensions().get("retryAfterSeconds"));
    assertEquals("下一步：请按提示操作", CaptureRefusals.problem(thrown(Reason.NOT_ELIGIBLE)).detail());
  }
}
