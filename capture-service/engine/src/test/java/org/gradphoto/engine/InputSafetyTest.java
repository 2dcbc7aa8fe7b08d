package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gradphoto.engine.InputRejectedException.Reason;
import org.gradphoto.engine.io.HeaderReader;
import org.gradphoto.engine.io.ImageHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Unreadable or unsafe uploads are refused with a reason, before any decoding. */
class InputSafetyTest {
  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  @Test
  void aTruncatedJpegIsRefusedAsTruncated() {
    byte[] full = Fixtures.jpeg(Fixtures.framed("idpass_1.jpg"));
    byte[] cut = Arrays.copyOf(full, full.length * 6 / 10);
    assertEquals(Reason.TRUNCATED, refused(cut).code());
  }

  @Test
  void aTruncatedPngIsRefusedAsTruncated() {
    byte[] full = Fixtures.png(Fixtures.image("idpass_1.jpg"));
    assertEquals(Reason.TRUNCATED, refused(Arrays.copyOf(full, full.length / 2)).code());
  }

  @Test
  void pdfBytesAreRefusedAsUnsupportedWithAChineseMessage() {
    InputRejectedException e = refused(Fixtures.pdf());
    assertEquals(Reason.UNSUPPORTED_FORMAT, e.code());
    assertTrue(e.messageZh().contains("PDF"), e.messageZh());
  }

  @Test
  void aPngHeaderClaimingHugeDimensionsIsRefusedBeforeDecoding() {
    assertEquals(Reason.TOO_LARGE, refused(Fixtures.hugePngHeader()).code());
  }

  @Test
  void emptyInputIsRefused() {
    assertEquals(Reason.EMPTY, refused(new byte[0]).code());
  }

  @Test
  void headerDimensionsMatchTheDecodedImageForEveryFormat() throws Exception {
    Mat img = Fixtures.image("idpass_2.jpg");
    for (byte[] b : new byte[][] {Fixtures.jpeg(img), Fixtures.png(img), Fixtures.webp(img)}) {
      ImageHeader h = HeaderReader.read(b);
      assertEquals(img.cols(), h.width());
      assertEquals(img.rows(), h.height());
      assertEquals(1, h.orientation());
    }
  }

  @Test
  void exifOrientationIsReadFromTheHeader() throws Exception {
    ImageHeader h = HeaderReader.read(Fixtures.exifRotated(Fixtures.image("idpass_2.jpg")));
    assertEquals(6, h.orientation());
    assertTrue(h.transposed());
    assertEquals(413, h.uprightWidth());
  }

  @Test
  void aPictureWithNoPersonGivesNoFaceAndNoPhoto() throws Exception {
    Mat sky = Fixtures.image("astronaut.jpg").submat(0, 250, 330, 512);
    StandardizeResult r =
        EngineSupport.engine().standardize(Fixtures.jpeg(sky), SpecProfile.defaultProfile());
    assertFalse(r.report().accepted());
    assertTrue(r.report().has(FindingCode.NO_FACE));
    assertEquals(null, r.report().geometry());
    assertNoPhoto(r);
  }

  @Test
  void twoPeopleOrACutOffHeadGiveTheirFindingAndNoPhoto() throws Exception {
    Mat clean = Fixtures.framed("idpass_3.jpg");
    Mat pair = Fixtures.sideBySide(clean, Fixtures.framed("idpass_1.jpg"));
    StandardizeResult two =
        EngineSupport.engine().standardize(Fixtures.jpeg(pair), SpecProfile.defaultProfile());
    assertTrue(two.report().has(FindingCode.MULTIPLE_FACES), two.report().findings()::toString);
    assertNoPhoto(two);
    StandardizeResult cut =
        EngineSupport.engine()
            .standardize(
                Fixtures.jpeg(Fixtures.cutFromTop(clean, 80)), SpecProfile.defaultProfile());
    assertTrue(cut.report().has(FindingCode.HEAD_CUT_OFF), cut.report().findings()::toString);
    assertNoPhoto(cut);
    // What was measured is still reported, so the student learns every other problem at once.
    assertNotNull(cut.report().geometry());
  }

  @Test
  void aPhotoWithFindingsThatDoNotBlockTheOutputStillGetsOne() throws Exception {
    Mat tilted = Fixtures.tilted(Fixtures.framed("idpass_3.jpg"), 12);
    StandardizeResult r =
        EngineSupport.engine().standardize(Fixtures.jpeg(tilted), SpecProfile.defaultProfile());
    assertTrue(r.report().has(FindingCode.HEAD_TILTED), r.report().findings()::toString);
    assertTrue(r.hasPhoto());
    assertEquals(480, OutputSpecTest.decode(r.jpeg()).cols());
  }

  private static void assertNoPhoto(StandardizeResult r) {
    assertFalse(r.hasPhoto());
    assertNull(r.jpeg());
    assertNull(r.cutoutPng());
    assertNull(r.report().output());
    assertFalse(r.report().accepted());
    assertTrue(r.report().findings().stream().anyMatch(f -> f.code().blocksOutput()));
  }

  private static InputRejectedException refused(byte[] input) {
    return assertThrows(
        InputRejectedException.class,
        () -> EngineSupport.engine().standardize(input, SpecProfile.defaultProfile()));
  }
}
