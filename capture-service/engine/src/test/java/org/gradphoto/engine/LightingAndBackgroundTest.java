package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opencv.core.Mat;

/**
 * Exposure, shadows, glare, shut eyes and busy backgrounds, generated from the clean portraits, are
 * each reported with their code, while the clean portraits stay accepted.
 */
class LightingAndBackgroundTest {
  private static final List<String> PORTRAITS =
      List.of("idpass_1.jpg", "idpass_2.jpg", "idpass_3.jpg", "idpass_4.jpg");

  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  @TestFactory
  Stream<DynamicTest> eachLightingDefectIsReportedWithItsCode() {
    List<EngineSupport.DefectCase> cases = new ArrayList<>();
    for (String p : PORTRAITS) {
      // Dark skin (idpass_1) as well as light: the rules must not depend on the skin's colour.
      cases.add(
          new EngineSupport.DefectCase(
              p + " darkened with gamma 3",
              () -> Fixtures.jpeg(LightingFixtures.gamma(Fixtures.framed(p), 3)),
              FindingCode.UNDEREXPOSED,
              true));
      cases.add(
          new EngineSupport.DefectCase(
              p + " brightened with gamma 0.25",
              () -> Fixtures.jpeg(LightingFixtures.gamma(Fixtures.framed(p), 0.25)),
              FindingCode.OVEREXPOSED,
              true));
    }
    for (String p : List.of("idpass_1.jpg", "idpass_3.jpg")) {
      for (LightingFixtures.Shadow s : LightingFixtures.Shadow.values()) {
        cases.add(
            new EngineSupport.DefectCase(
                p + " hard shadow " + s + " over 40 % of the face",
                () -> Fixtures.jpeg(LightingFixtures.shadowed(Fixtures.framed(p), s, 0.4, 0.4)),
                FindingCode.UNEVEN_LIGHTING,
                true));
      }
      cases.add(
          new EngineSupport.DefectCase(
              p + " reflection on a lens",
              () -> Fixtures.jpeg(LightingFixtures.lensGlare(Fixtures.framed(p))),
              FindingCode.GLARE,
              true));
    }
    for (String p : List.of("idpass_1.jpg", "idpass_4.jpg")) {
      cases.add(
          new EngineSupport.DefectCase(
              p + " eyes shut",
              () -> Fixtures.jpeg(LightingFixtures.eyesClosed(Fixtures.framed(p))),
              FindingCode.EYES_CLOSED,
              true));
    }
    Mat clean = Fixtures.framed("idpass_3.jpg");
    cases.add(
        new EngineSupport.DefectCase(
            "in front of a bookshelf",
            () ->
                Fixtures.jpeg(
                    Fixtures.over(
                        clean, MatteForSource.of(clean), LightingFixtures.bookshelf(clean.size()))),
            FindingCode.BACKGROUND_CLUTTERED,
            false));
    cases.add(
        new EngineSupport.DefectCase(
            "in a street",
            () ->
                Fixtures.jpeg(
                    Fixtures.over(
                        clean, MatteForSource.of(clean), LightingFixtures.street(clean.size()))),
            FindingCode.BACKGROUND_CLUTTERED,
            false));
    return EngineSupport.asTests(cases);
  }

  @Test
  void cleanPortraitsOfEverySkinToneRaiseNoneOfTheseFindings() throws Exception {
    Set<FindingCode> lighting =
        Set.of(
            FindingCode.UNDEREXPOSED,
            FindingCode.OVEREXPOSED,
            FindingCode.UNEVEN_LIGHTING,
            FindingCode.GLARE,
            FindingCode.EYES_CLOSED,
            FindingCode.BACKGROUND_CLUTTERED);
    for (String p : PORTRAITS) {
      Standardizer.Outcome o = EngineSupport.run(Fixtures.jpeg(Fixtures.framed(p)));
      Report r = o.result().report();
      assertTrue(r.accepted(), () -> p + " " + r.findings() + " " + o.metrics());
      assertTrue(
          r.findings().stream().noneMatch(f -> lighting.contains(f.code())),
          () -> p + " " + r.findings());
    }
  }

  @Test
  void anOpenMouthIsToldTheSpecsRuleLipsClosed() {
    String message = Messages.of(FindingCode.MOUTH_OPEN);
    assertTrue(message.contains("双唇自然闭合"), message);
    assertTrue(message.contains("不要露齿"), message);
  }
}
