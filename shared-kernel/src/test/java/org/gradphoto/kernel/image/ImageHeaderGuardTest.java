package org.gradphoto.kernel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.gradphoto.kernel.error.ProblemException;
import org.junit.jupiter.api.Test;

class ImageHeaderGuardTest {
  @Test
  void reads_the_declared_size_of_real_jpeg_and_png_files() throws IOException {
    assertEquals(
        new ImageHeaderGuard.Header(ImageHeaderGuard.Format.JPEG, 640, 480),
        ImageHeaderGuard.check(encode("jpg", 640, 480), "image"));
    assertEquals(
        new ImageHeaderGuard.Header(ImageHeaderGuard.Format.PNG, 300, 200),
        ImageHeaderGuard.check(encode("png", 300, 200), "image"));
  }

  @Test
  void a_png_of_a_few_bytes_declaring_sixty_thousand_pixels_a_side_is_refused_unopened() {
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> ImageHeaderGuard.check(pngBomb(60_000, 60_000), "image"));
    assertEquals(413, e.status());
    assertEquals("IMAGE_TOO_LARGE", e.code());
  }

  @Test
  void full_decode_formats_get_the_lower_pixel_cap_and_jpeg_the_scaled_one() {
    // 5,000 × 5,000 = 25 MP: over the full-decode cap for PNG, fine for JPEG.
    assertThrows(ProblemException.class, () -> ImageHeaderGuard.check(pngBomb(5000, 5000), "i"));
    assertEquals(5000, ImageHeaderGuard.check(jpegHeader(5000, 5000), "i").width());
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> ImageHeaderGuard.check(jpegHeader(12_000, 12_000), "i"));
    assertEquals(413, e.status());
  }

  @Test
  void empty_pdf_and_unknown_bytes_are_refused_with_the_field_named() {
    for (byte[] b : new byte[][] {new byte[0], "%PDF-1.7 ...".getBytes(), new byte[64]}) {
      ProblemException e =
          assertThrows(ProblemException.class, () -> ImageHeaderGuard.check(b, "image"));
      assertEquals(400, e.status());
      assertEquals("image", e.errors().get(0).field());
    }
  }

  private static byte[] encode(String format, int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  /** Signature and IHDR only: what a bomb needs to make a decoder allocate. */
  static byte[] pngBomb(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    b.putInt(13).put("IHDR".getBytes()).putInt(w).putInt(h);
    b.put(new byte[] {8, 2, 0, 0, 0});
    return b.array();
  }

  /** SOI, a short APP0 segment, then a baseline frame header. */
  static byte[] jpegHeader(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.put(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 'J', 'F'});
    b.put(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8});
    b.putShort((short) h).putShort((short) w);
    b.put(new byte[] {1, 1, 0x11, 0});
    return b.array();
  }
}
