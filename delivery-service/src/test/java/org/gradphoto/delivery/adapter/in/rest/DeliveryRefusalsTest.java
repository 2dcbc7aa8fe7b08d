package org.gradphoto.delivery.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gradphoto.delivery.domain.CollectionStatus;
import org.gradphoto.delivery.domain.DeliveryRefusal;
import org.gradphoto.delivery.domain.DeliveryRefusal.Reason;
import org.gradphoto.delivery.domain.PackageStatus;
import org.gradphoto.delivery.domain.SheetSize;
import org.gradphoto.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryRefusalsTest {

  /** The facts each reason is thrown with by the use cases. */
  private static DeliveryRefusal thrown(Reason reason) {
    return switch (reason) {
      case PACKAGE_NOT_READY ->
          new DeliveryRefusal(reason, Map.of("status", PackageStatus.BUILDING));
      case LAYOUT_SHEET_UNAVAILABLE -> new DeliveryRefusal(reason, Map.of("sheet", SheetSize.A4));
      case PHOTO_NOT_READY ->
          new DeliveryRefusal(reason, Map.of("status", CollectionStatus.REJECTED));
      default -> new DeliveryRefusal(reason);
    };
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void every_refusal_keeps_its_code_and_reads_as_a_chinese_sentence(Reason reason) {
    ProblemException p = DeliveryRefusals.problem(thrown(reason));
    assertEquals(reason.name(), p.code());
    assertTrue(p.status() >= 400 && p.status() < 500, reason + " → " + p.status());
    assertTrue(p.detail().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), p.detail());
  }

  @Test
  void the_statuses_are_those_the_clients_already_know() {
    Map<Reason, Integer> expected =
        Map.of(
            Reason.NOTHING_TO_DELIVER, 409,
            Reason.PACKAGE_NOT_READY, 409,
            Reason.SCHOOL_NOT_ALLOWED, 403,
            Reason.READ_ONLY_ACCOUNT, 403,
            Reason.PACKAGE_NOT_FOUND, 404,
            Reason.LAYOUT_SHEET_UNAVAILABLE, 404,
            Reason.COLLECTION_NOT_FOUND, 404,
            Reason.PHOTO_NOT_READY, 409);
    for (Reason reason : Reason.values()) {
      assertEquals(
          expected.get(reason), DeliveryRefusals.problem(thrown(reason)).status(), reason.name());
    }
  }

  @Test
  void the_facts_are_worded_the_sheet_and_the_states_by_their_labels() {
    assertTrue(
        DeliveryRefusals.problem(thrown(Reason.LAYOUT_SHEET_UNAVAILABLE))
            .detail()
            .contains("A4排版纸"));
    assertTrue(
        DeliveryRefusals.problem(thrown(Reason.PHOTO_NOT_READY)).detail().endsWith("初审失败，请重拍。"));
    assertTrue(
        DeliveryRefusals.problem(thrown(Reason.PACKAGE_NOT_READY)).detail().contains("正在生成"));
    assertTrue(
        DeliveryRefusals.problem(
                new DeliveryRefusal(
                    Reason.PACKAGE_NOT_READY, Map.of("status", PackageStatus.FAILED)))
            .detail()
            .contains("生成失败"));
  }
}
