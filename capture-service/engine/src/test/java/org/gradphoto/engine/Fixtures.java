package org.gradphoto.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Committed portraits (see fixtures/README.md) and the defects the tests make from them. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Mat image(String name) {
    return Imgcodecs.imdecode(new MatOfByte(bytes(name)), Imgcodecs.IMREAD_COLOR);
  }

  /** A tight dev portrait extended so that shoulders fill a 3:4 frame. */
  static Mat framed(String name) {
    return SyntheticPhotos.phoneFraming(image(name));
  }

  static byte[] jpeg(Mat bgr) {
    return SyntheticPhotos.jpeg(bgr, 95);
  }

  static byte[] png(Mat bgr) {
    MatOfByte buf = new MatOfByte();
    Imgcodecs.imencode(".png", bgr, buf);
    return buf.toArray();
  }

  static byte[] webp(Mat bgr) {
    MatOfByte buf = new MatOfByte();
    Imgcodecs.imencode(".webp", bgr, buf, new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, 95));
    return buf.toArray();
  }

  /**
   * The photo stored turned a quarter to the left with EXIF orientation 6 (“rotate 90° clockwise to
   * view”), as phones write it.
   */
  static byte[] exifRotated(Mat upright) {
    Mat stored = new Mat();
    Core.rotate(upright, stored, Core.ROTATE_90_COUNTERCLOCKWISE);
    byte[] jpg = jpeg(stored);
    byte[] tiff = {
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // big-endian TIFF, IFD0 at 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      6,
      0,
      0, // Orientation, SHORT, 1, value 6
      0,
      0,
      0,
      0 // no next IFD
    };
    byte[] head = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int len = 2 + head.length + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xFF);
    out.writeBytes(head);
    out.writeBytes(tiff);
    out.write(jpg, 2, jpg.length - 2);
    return out.toByteArray();
  }

  /** The whole picture turned by {@code degrees} about the middle (a tilted head). */
  static Mat tilted(Mat img, double degrees) {
    Mat m = Imgproc.getRotationMatrix2D(new Point(img.cols() / 2.0, img.rows() / 2.0), degrees, 1);
    Mat out = new Mat();
    Imgproc.warpAffine(img, out, m, img.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
    return out;
  }

  static Mat blurred(Mat img, double sigma) {
    Mat out = new Mat();
    Imgproc.GaussianBlur(img, out, new Size(0, 0), sigma);
    return out;
  }

  /** Gain and offset on every channel, saturating: darkened (&lt;1) or over-exposed (&gt;1). */
  static Mat exposed(Mat img, double gain, double offset) {
    Mat out = new Mat();
    img.convertTo(out, -1, gain, offset);
    return out;
  }

  /** Left part of the picture (the subject's right cheek) in shadow, with a soft edge. */
  static Mat halfShadowed(Mat img, double splitX, double strength) {
    Mat gain = new Mat(img.size(), CvType.CV_32F);
    float[] row = new float[img.cols()];
    for (int x = 0; x < row.length; x++) {
      double t = 1 / (1 + Math.exp((x - splitX) / 6.0));
      row[x] = (float) (1 - strength * t);
    }
    for (int y = 0; y < img.rows(); y++) {
      gain.put(y, 0, row);
    }
    return lit(img, gain);
  }

  /** Every channel times a CV_32F gain of the same size: light taken away or added. */
  static Mat lit(Mat img, Mat gain) {
    Mat f = new Mat();
    img.convertTo(f, CvType.CV_32FC3);
    List<Mat> ch = new ArrayList<>();
    Core.split(f, ch);
    for (Mat c : ch) {
      Core.multiply(c, gain, c);
    }
    Core.merge(ch, f);
    Mat out = new Mat();
    f.convertTo(out, CvType.CV_8UC3);
    return out;
  }

  static Mat grey(Mat img) {
    Mat g = new Mat();
    Imgproc.cvtColor(img, g, Imgproc.COLOR_BGR2GRAY);
    Mat out = new Mat();
    Imgproc.cvtColor(g, out, Imgproc.COLOR_GRAY2BGR);
    return out;
  }

  static Mat resizedToWidth(Mat img, int width) {
    Mat out = new Mat();
    Imgproc.resize(
        img,
        out,
        new Size(width, Math.round(img.rows() * (double) width / img.cols())),
        0,
        0,
        Imgproc.INTER_AREA);
    return out;
  }

  /** Rows from {@code fromRow} down: with the top of the head gone. */
  static Mat cutFromTop(Mat img, int fromRow) {
    return img.submat(new Rect(0, fromRow, img.cols(), img.rows() - fromRow)).clone();
  }

  static Mat sideBySide(Mat a, Mat b) {
    Mat out = new Mat();
    Core.hconcat(List.of(a, b), out);
    return out;
  }

  /** The person (alpha from an earlier cut-out, same frame) over a busy pattern. */
  static Mat overClutter(Mat person, Mat alpha8) {
    Mat busy = new Mat(person.size(), CvType.CV_8UC3, new Scalar(200, 200, 200));
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 400; i++) {
      Point a = new Point(r.nextInt(person.cols()), r.nextInt(person.rows()));
      Point b = new Point(a.x + r.nextInt(120) - 60, a.y + r.nextInt(120) - 60);
      Scalar c = new Scalar(r.nextInt(256), r.nextInt(256), r.nextInt(256));
      if (i % 2 == 0) {
        Imgproc.rectangle(busy, a, b, c, 3);
      } else {
        Imgproc.line(busy, a, b, c, 2);
      }
    }
    return over(person, alpha8, busy);
  }

  /** The person with clothing (rows below {@code fromRow} where alpha is solid) recoloured. */
  static Mat clothingColoured(Mat person, Mat alpha8, int fromRow, Scalar bgr) {
    Mat out = person.clone();
    Mat solid = new Mat();
    Imgproc.threshold(alpha8, solid, 200, 255, Imgproc.THRESH_BINARY);
    solid.submat(0, fromRow, 0, solid.cols()).setTo(new Scalar(0));
    out.setTo(bgr, solid);
    return out;
  }

  /** The person (8-bit matte of the same frame) over another background. */
  static Mat over(Mat fg, Mat alpha8, Mat bg) {
    Mat a = new Mat();
    alpha8.convertTo(a, CvType.CV_32F, 1 / 255.0);
    Mat a3 = new Mat();
    Core.merge(List.of(a, a, a), a3);
    Mat f = new Mat();
    fg.convertTo(f, CvType.CV_32FC3);
    Mat b = new Mat();
    bg.convertTo(b, CvType.CV_32FC3);
    Core.subtract(f, b, f);
    Core.multiply(f, a3, f);
    Core.add(f, b, f);
    Mat out = new Mat();
    f.convertTo(out, CvType.CV_8UC3);
    return out;
  }

  /** A PNG that claims 100 000 × 100 000 pixels: refused before any decoding. */
  static byte[] hugePngHeader() {
    byte[] b = new byte[8 + 25 + 12];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(sig, 0, b, 0, 8);
    byte[] ihdr = {
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      1,
      (byte) 0x86,
      (byte) 0xA0,
      0,
      1,
      (byte) 0x86,
      (byte) 0xA0,
      8,
      2,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    };
    System.arraycopy(ihdr, 0, b, 8, ihdr.length);
    byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    System.arraycopy(iend, 0, b, 33, iend.length);
    return b;
  }

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }
}
