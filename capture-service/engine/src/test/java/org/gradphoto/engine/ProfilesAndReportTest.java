package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesAndReportTest {
  @Test
  void theDefaultProfileIsTheDiplomaRegistrationSpec() {
    SpecProfile p = SpecProfile.defaultProfile();
    assertEquals("chsi-graduation", p.id());
    assertEquals(480, p.widthPx());
    assertEquals(640, p.heightPx());
    assertEquals(300, p.dpi());
    assertEquals(new BackgroundColour(100, 197, 255), p.backgrounds().get(0));
    assertEquals(new SpecProfile.Window(50, 110), p.headTopPx());
    assertEquals(new SpecProfile.Window(200, 300), p.eyeLinePx());
    assertEquals(new SpecProfile.Window(180, 300), p.faceWidthPx());
    assertEquals(new SpecProfile.Window(20, 40), p.fileSizeKb());
    assertEquals(60, p.minJpegQuality());
  }

  @Test
  void everyShippedProfileLoadsAndTheVariantsLeadWithTheirColour() {
    for (String id : SpecProfile.SHIPPED) {
      assertEquals(id, SpecProfile.named(id).id());
    }
    assertEquals(
        BackgroundColour.parse("#FFFFFF"),
        SpecProfile.named("chsi-graduation-white").backgrounds().get(0));
    assertEquals(
        BackgroundColour.parse("#F0F0F0"),
        SpecProfile.named("chsi-graduation-grey").backgrounds().get(0));
    assertEquals(295, SpecProfile.named("one-inch").widthPx());
    assertEquals(579, SpecProfile.named("two-inch").heightPx());
  }

  @Test
  void aProfileWithInconsistentWindowsOrUnknownFieldsIsRefused() {
    String bad =
        "{\"id\":\"x\",\"title\":\"x\",\"widthPx\":480,\"heightPx\":640,\"dpi\":300,"
            + "\"backgrounds\":[\"#FFFFFF\"],\"headTopPx\":{\"min\":50,\"max\":250},"
            + "\"eyeLinePx\":{\"min\":200,\"max\":300},\"faceWidthPx\":{\"min\":180,\"max\":300},"
            + "\"centreTolerancePx\":24,\"fileSizeKb\":{\"min\":20,\"max\":40},\"minJpegQuality\":60}";
    assertThrows(Exception.class, () -> SpecProfile.fromJson(bad));
    assertThrows(Exception.class, () -> SpecProfile.fromJson(bad.replace("\"dpi\"", "\"dpy\"")));
  }

  @Test
  void theReportRoundTripsThroughJsonWithTheDocumentedFieldNames() {
    Report r =
        new Report(
            "chsi-graduation",
            false,
            new Geometry(80, 250, 240, 240, 6.2, 1),
            List.of(
                new PhotoFinding(
                    FindingCode.HEAD_TILTED, Severity.REJECT, "头部歪斜", 6.2, "|roll| ≤ 5.0", "deg")),
            new OutputInfo(480, 640, 300, 85, 30000));
    String json = Reports.toJson(r);
    for (String field :
        List.of(
            "headTopPx",
            "eyeLinePx",
            "faceWidthPx",
            "faceCenterXPx",
            "rollDeg",
            "yawDeg",
            "findings",
            "code",
            "severity",
            "message",
            "measured",
            "threshold",
            "accepted")) {
      assertTrue(json.contains("\"" + field + "\""), field);
    }
    assertEquals(r, Reports.fromJson(json));
  }

  @Test
  void everyFindingCodeHasAChineseMessage() {
    for (FindingCode c : FindingCode.values()) {
      assertTrue(
          Messages.of(c).codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), c.name());
    }
  }
}
