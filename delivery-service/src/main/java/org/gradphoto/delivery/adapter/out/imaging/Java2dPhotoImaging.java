package org.gradphoto.delivery.adapter.out.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.gradphoto.delivery.application.port.out.PhotoImaging;
import org.gradphoto.delivery.domain.LayoutPlan;
import org.gradphoto.delivery.domain.SheetSize;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Layout sheets with Java2D and the JDK's JPEG codec: white sheet, one-pixel grey cut guides, the
 * copies drawn pixel for pixel (or scaled to keep their physical size), written as a 4:4:4 JPEG (no
 * colour bleeding into the guides) with 300 dpi in the JFIF header.
 */
@ApplicationScoped
public class Java2dPhotoImaging implements PhotoImaging {
  /** Light enough to vanish after cutting, dark enough to see on white. */
  public static final Color GUIDE = new Color(160, 160, 160);

  private static final float QUALITY = 0.95f;

  @Override
  public PhotoInfo describe(byte[] jpeg) {
    BufferedImage img = decode(jpeg);
    return new PhotoInfo(img.getWidth(), img.getHeight(), jfifDpi(jpeg));
  }

  @Override
  public byte[] render(byte[] photo, LayoutPlan plan) {
    BufferedImage src = decode(photo);
    SheetSize sheet = plan.sheet();
    BufferedImage out =
        new BufferedImage(sheet.widthPx(), sheet.heightPx(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.widthPx(), sheet.heightPx());
      g.setColor(GUIDE);
      for (int x : plan.verticalGuidesX()) {
        g.fillRect(x, 0, 1, sheet.heightPx());
      }
      for (int y : plan.horizontalGuidesY()) {
        g.fillRect(0, y, sheet.widthPx(), 1);
      }
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      // The upright copy size on the sheet; when rotated, it is drawn turned a quarter clockwise.
      int w = plan.rotated() ? plan.copyHeightPx() : plan.copyWidthPx();
      int h = plan.rotated() ? plan.copyWidthPx() : plan.copyHeightPx();
      for (LayoutPlan.Copy c : plan.copies()) {
        AffineTransform t = new AffineTransform();
        t.translate(c.x(), c.y());
        if (plan.rotated()) {
          t.translate(h, 0);
          t.quadrantRotate(1);
        }
        t.scale(w / (double) src.getWidth(), h / (double) src.getHeight());
        g.drawImage(src, t, null);
      }
    } finally {
      g.dispose();
    }
    return encode(out, SheetSize.DPI);
  }

  static BufferedImage decode(byte[] jpeg) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (img == null) {
        throw new IllegalArgumentException("not an image the JDK can read");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JFIF density in dots per inch; 300 when the file has none (or gives only an aspect ratio). */
  static int jfifDpi(byte[] jpeg) {
    if (jpeg.length > 18
        && (jpeg[2] & 0xFF) == 0xFF
        && (jpeg[3] & 0xFF) == 0xE0
        && jpeg[6] == 'J'
        && jpeg[7] == 'F'
        && jpeg[8] == 'I'
        && jpeg[9] == 'F'
        && jpeg[10] == 0) {
      int units = jpeg[13] & 0xFF;
      int x = ((jpeg[14] & 0xFF) << 8) | (jpeg[15] & 0xFF);
      if (x > 0 && units == 1) {
        return x;
      }
      if (x > 0 && units == 2) {
        return (int) Math.round(x * 2.54);
      }
    }
    return SheetSize.DPI;
  }

  /** A JPEG (quality 0.95, 4:4:4) with {@code dpi} in its JFIF header. */
  public static byte[] encode(BufferedImage img, int dpi) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      IIOMetadata meta =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
      String format = "javax_imageio_jpeg_image_1.0";
      Element root = (Element) meta.getAsTree(format);
      Element jfif = (Element) root.getElementsByTagName("app0JFIF").item(0);
      jfif.setAttribute("resUnits", "1");
      jfif.setAttribute("Xdensity", Integer.toString(dpi));
      jfif.setAttribute("Ydensity", Integer.toString(dpi));
      NodeList components = root.getElementsByTagName("componentSpec");
      for (int i = 0; i < components.getLength(); i++) {
        Node n = components.item(i);
        ((Element) n).setAttribute("HsamplingFactor", "1");
        ((Element) n).setAttribute("VsamplingFactor", "1");
      }
      meta.setFromTree(format, root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, meta), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }
}
