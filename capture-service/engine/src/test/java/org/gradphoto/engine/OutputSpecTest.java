package org.gradphoto.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gradphoto.engine.io.JpegWriter;
import org.gradphoto.engine.vision.FaceBox;
import org.gradphoto.engine.vision.FaceMesh;
import org.gradphoto.engine.vision.Vision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Clean portraits come out to the letter of the spec, measured on the output itself. */
class OutputSpecTest {
  private static final SpecProfile SPEC = SpecProfile.defaultProfile();

  @BeforeAll
  static void load() {
    PhotoEngine.loadNative();
  }

  @ParameterizedTest
  @ValueSource(strings = {"idpass_1.jpg", "idpass_2.jpg", "idpass_3.jpg", "idpass_4.jpg"})
  void aCleanPortraitWithShouldersIsAcceptedWithEveryValueInItsWindow(String name)
      throws Exception {
    StandardizeResult r =
        EngineSupport.engine().standardize(Fixtures.jpeg(Fixtures.framed(name)), SPEC);
    Report report = r.report();
    assertTrue(report.accepted(), () -> name + " " + report.findings());
    Geometry g = report.geometry();
    assertTrue(SPEC.headTopPx().contains(g.headTopPx()), "head top " + g);
    assertTrue(SPEC.eyeLinePx().contains(g.eyeLinePx()), "eye line " + g);
    assertTrue(SPEC.faceWidthPx().contains(g.faceWidthPx()), "face width " + g);
    assertEquals(SPEC.widthPx() / 2.0, g.faceCenterXPx(), SPEC.centreTolerancePx());
    assertOutputFormat(r);
    assertIndependentMeasurementAgrees(r);
  }

  @Test
  void aTwelveMegapixelPhonePhotoIsStandardizedFromAReducedDecode() throws Exception {
    Mat phone = SyntheticPhotos.phoneSize(Fixtures.framed("idpass_2.jpg"), 3024);
    StandardizeResult r = EngineSupport.engine().standardize(SyntheticPhotos.jpeg(phone, 90), SPEC);
    assertTrue(r.report().accepted(), r.report().findings()::toString);
    assertOutputFormat(r);
    assertIndependentMeasurementAgrees(r);
  }

  @Test
  void aSmallFaceInALargePhotoIsRenderedFromAFinerSecondDecode() throws Exception {
    Mat framed = Fixtures.framed("idpass_4.jpg");
    Mat small = SyntheticPhotos.phoneSize(framed, 900);
    Mat big = new Mat();
    int padX = (3024 - small.cols()) / 2;
    int padY = (4032 - small.rows()) / 3;
    Core.copyMakeBorder(
        small,
        big,
        padY,
        4032 - small.rows() - padY,
        padX,
        3024 - small.cols() - padX,
        Core.BORDER_REPLICATE);
    Standardizer.Outcome o = EngineSupport.run(SyntheticPhotos.jpeg(big, 90));
    assertTrue(o.result().report().accepted(), o.result().report().findings()::toString);
    assertTrue(o.metrics().get("upscale") < 1, o.metrics()::toString);
    assertOutputFormat(o.result());
  }

  @Test
  void aPortraitFramedTooTightlyIsRejectedForMissingShoulders() throws Exception {
    for (String name : List.of("idpass_1.jpg", "idpass_3_crop.jpg")) {
      Report report = EngineSupport.engine().standardize(Fixtures.bytes(name), SPEC).report();
      assertFalse(report.accepted(), name);
      assertTrue(report.has(FindingCode.SHOULDERS_MISSING), () -> name + " " + report.findings());
    }
  }

  @Test
  void aSmallFaceInABusyPictureIsRejectedAsLowResolution() throws Exception {
    StandardizeResult r = EngineSupport.engine().standardize(Fixtures.bytes("astronaut.jpg"), SPEC);
    assertTrue(r.report().has(FindingCode.LOW_RESOLUTION), r.report().findings()::toString);
    assertOutputFormat(r);
  }

  @Test
  void exifOrientationIsHonouredSoTheResultMatchesTheUprightPhoto() throws Exception {
    Mat upright = Fixtures.framed("idpass_3.jpg");
    Report straight = EngineSupport.engine().standardize(Fixtures.jpeg(upright), SPEC).report();
    Report rotated =
        EngineSupport.engine().standardize(Fixtures.exifRotated(upright), SPEC).report();
    assertTrue(rotated.accepted(), rotated.findings()::toString);
    assertEquals(straight.geometry().eyeLinePx(), rotated.geometry().eyeLinePx(), 3);
    assertEquals(straight.geometry().faceWidthPx(), rotated.geometry().faceWidthPx(), 3);
    assertEquals(straight.geometry().rollDeg(), rotated.geometry().rollDeg(), 1);
  }

  @Test
  void pngAndWebpAreRecognisedByContentWhateverTheirName() throws Exception {
    Mat upright = Fixtures.framed("idpass_4.jpg");
    for (byte[] input : List.of(Fixtures.png(upright), Fixtures.webp(upright))) {
      StandardizeResult r = EngineSupport.engine().standardize(input, SPEC);
      assertTrue(r.report().accepted(), r.report().findings()::toString);
      assertOutputFormat(r);
    }
  }

  @Test
  void aCropHintPicksThePersonInsideItAndIgnoresTheOther() throws Exception {
    Mat left = Fixtures.framed("idpass_1.jpg");
    Mat pair = Fixtures.sideBySide(left, Fixtures.framed("idpass_3.jpg"));
    GuideFrame rightHalf = new GuideFrame(0.5, 0, 0.5, 1);
    StandardizeResult r =
        EngineSupport.engine()
            .standardize(
                Fixtures.jpeg(pair), SPEC, Optional.of(rightHalf), SPEC.backgrounds().get(0));
    assertFalse(r.report().has(FindingCode.MULTIPLE_FACES), r.report().findings()::toString);
    assertTrue(r.report().accepted(), r.report().findings()::toString);
  }

  @Test
  void recolouringReusesTheCutOutAndKeepsTheGeometry() throws Exception {
    StandardizeResult blue =
        EngineSupport.engine().standardize(Fixtures.jpeg(Fixtures.framed("idpass_2.jpg")), SPEC);
    BackgroundColour white = BackgroundColour.parse("#FFFFFF");
    StandardizeResult recoloured = EngineSupport.engine().recolour(blue, SPEC, white);
    assertEquals(blue.report().geometry(), recoloured.report().geometry());
    Mat img = decode(recoloured.jpeg());
    double[] corner = img.get(5, 5);
    assertTrue(corner[0] > 245 && corner[1] > 245 && corner[2] > 245, () -> "corner " + corner[0]);
    assertOutputFormat(recoloured);
  }

  @Test
  void theCutOutPngIsEncodedOnlyWhenFirstAskedForAndThenKept() throws Exception {
    StandardizeResult r =
        EngineSupport.engine().standardize(Fixtures.jpeg(Fixtures.framed("idpass_3.jpg")), SPEC);
    assertTrue(r.hasPhoto());
    assertFalse(r.cutout().encoded(), "the preview path must not pay for the PNG");
    byte[] png = r.cutoutPng();
    assertTrue(r.cutout().encoded());
    assertSame(png, r.cutoutPng(), "encoded once");
    // The PNG holds exactly the pixels the engine kept, alpha included.
    Mat fromPng = decode(png);
    Mat kept = r.cutout().pixels();
    Mat diff = new Mat();
    Core.absdiff(fromPng, kept, diff);
    assertEquals(0, Core.countNonZero(diff.reshape(1)));
    // A colour change works from the kept pixels, encoded or not.
    StandardizeResult fresh =
        EngineSupport.engine().standardize(Fixtures.jpeg(Fixtures.framed("idpass_3.jpg")), SPEC);
    StandardizeResult white =
        EngineSupport.engine().recolour(fresh, SPEC, BackgroundColour.parse("#FFFFFF"));
    assertFalse(fresh.cutout().encoded());
    assertArrayEquals(png, white.cutoutPng(), "same cut-out, same PNG");
  }

  @Test
  void everyShippedProfileGivesItsExactPixels() throws Exception {
    byte[] input = Fixtures.jpeg(Fixtures.framed("idpass_3.jpg"));
    for (String id : SpecProfile.SHIPPED) {
      SpecProfile p = SpecProfile.named(id);
      StandardizeResult r = EngineSupport.engine().standardize(input, p);
      Mat img = decode(r.jpeg());
      assertEquals(p.widthPx(), img.cols(), id);
      assertEquals(p.heightPx(), img.rows(), id);
      assertArrayEquals(new int[] {1, p.dpi(), p.dpi()}, JpegWriter.density(r.jpeg()), id);
      Geometry g = r.report().geometry();
      assertTrue(p.eyeLinePx().contains(g.eyeLinePx()), () -> id + " " + g);
      assertTrue(p.faceWidthPx().contains(g.faceWidthPx()), () -> id + " " + g);
      assertTrue(p.headTopPx().contains(g.headTopPx()), () -> id + " " + g);
    }
  }

  /** Exact pixels, 24-bit colour, JFIF dpi, size window, minimum quality, a real matte. */
  static void assertOutputFormat(StandardizeResult r) {
    byte[] jpeg = r.jpeg();
    Mat img = decode(jpeg);
    assertEquals(SPEC.widthPx(), img.cols());
    assertEquals(SPEC.heightPx(), img.rows());
    assertEquals(3, img.channels());
    assertArrayEquals(new int[] {1, SPEC.dpi(), SPEC.dpi()}, JpegWriter.density(jpeg));
    assertTrue(jpeg.length >= SPEC.fileSizeKb().min() * 1024, "size " + jpeg.length);
    assertTrue(jpeg.length <= SPEC.fileSizeKb().max() * 1000, "size " + jpeg.length);
    assertEquals(jpeg.length, r.report().output().jpegBytes());
    assertTrue(r.report().output().jpegQuality() >= SPEC.minJpegQuality());
    Mat cut = decode(r.cutoutPng());
    assertEquals(4, cut.channels());
    assertEquals(SPEC.widthPx(), cut.cols());
    assertEquals(SPEC.heightPx(), cut.rows());
    Mat alpha = new Mat();
    Core.extractChannel(cut, alpha, 3);
    Core.MinMaxLocResult mm = Core.minMaxLoc(alpha);
    assertEquals(0, mm.minVal);
    assertEquals(255, mm.maxVal);
  }

  /** A fresh detector run on the output JPEG finds the eyes and cheeks where the report says. */
  private static void assertIndependentMeasurementAgrees(StandardizeResult r) {
    Mat out = decode(r.jpeg());
    Vision vision = new Vision(1);
    try (Vision.Models m = vision.borrow()) {
      List<FaceBox> faces = m.detectFaces(out);
      assertEquals(1, faces.size());
      FaceMesh mesh = m.landmarks(out, faces.get(0));
      double eye = (mesh.rightEye().y + mesh.leftEye().y) / 2;
      double width = mesh.distance(FaceMesh.RIGHT_CHEEK, FaceMesh.LEFT_CHEEK);
      Geometry g = r.report().geometry();
      assertNotNull(g);
      assertEquals(g.eyeLinePx(), eye, 4, "eye line");
      assertEquals(g.faceWidthPx(), width, 6, "face width");
    }
  }

  static Mat decode(byte[] b) {
    return Imgcodecs.imdecode(new MatOfByte(b), Imgcodecs.IMREAD_UNCHANGED);
  }
}
