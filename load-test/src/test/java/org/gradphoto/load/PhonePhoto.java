package org.gradphoto.load;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What a phone uploads: 3000 × 4000 pixels (12 MP), made from the student app's test portrait
 * standing in front of its own wall colour, with per-pixel grain so that it compresses like a
 * camera picture (about 2 MB) and no two runs' photos are the same bytes.
 */
final class PhonePhoto {

  private static final int WIDTH = 3000;
  private static final int HEIGHT = 4000;

  private PhonePhoto() {}

  static byte[] twelveMegapixels(Path portrait, long grainSeed) throws IOException {
    BufferedImage face = ImageIO.read(Files.newInputStream(portrait));
    BufferedImage phone = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = phone.createGraphics();
    g.setColor(new java.awt.Color(face.getRGB(3, 3)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    int drawnWidth = WIDTH * 4 / 5;
    int drawnHeight = face.getHeight() * drawnWidth / face.getWidth();
    g.drawImage(face, (WIDTH - drawnWidth) / 2, HEIGHT - drawnHeight, drawnWidth, drawnHeight, null);
    g.dispose();

    int[] pixels = ((DataBufferInt) phone.getRaster().getDataBuffer()).getData();
    SplittableRandom grain = new SplittableRandom(grainSeed);
    for (int i = 0; i < pixels.length; i++) {
      int d = grain.nextInt(-4, 5);
      int p = pixels[i];
      pixels[i] = channel(p >> 16, d) << 16 | channel(p >> 8, d) << 8 | channel(p, d);
    }

    ImageWriter jpeg = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam quality = jpeg.getDefaultWriteParam();
    quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    quality.setCompressionQuality(0.9f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(3 << 20);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      jpeg.setOutput(out);
      jpeg.write(null, new IIOImage(phone, null, null), quality);
    } finally {
      jpeg.dispose();
    }
    return bytes.toByteArray();
  }

  private static int channel(int value, int delta) {
    return Math.clamp((value & 0xFF) + delta, 0, 255);
  }
}
