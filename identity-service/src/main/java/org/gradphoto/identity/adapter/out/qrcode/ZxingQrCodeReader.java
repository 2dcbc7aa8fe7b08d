package org.gradphoto.identity.adapter.out.qrcode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.gradphoto.identity.application.port.out.QrCodeReader;
import org.gradphoto.kernel.image.ImageHeaderGuard;

/** Reads the CHSI image-collection code from an album picture with ZXing (on a worker thread). */
@ApplicationScoped
class ZxingQrCodeReader implements QrCodeReader {
  /**
   * A screenshot of the code is at most a few MP; a larger picture is read subsampled to about this
   * many pixels, so one request never holds more than ~16 MB of pixels, whatever it declares.
   */
  static final long DECODED_PIXELS = 4_000_000L;

  @Override
  public Uni<Optional<String>> read(byte[] image) {
    // The header is judged before any decoder allocates: a bomb is refused here (413/400).
    ImageHeaderGuard.Header header = ImageHeaderGuard.check(image, "image");
    return Uni.createFrom()
        .item(() -> decode(image, header))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private static Optional<String> decode(byte[] bytes, ImageHeaderGuard.Header header) {
    BufferedImage img;
    try {
      img = readSubsampled(bytes, header);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (img == null) {
      return Optional.empty();
    }
    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    RGBLuminanceSource source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
    try {
      return Optional.of(
          new MultiFormatReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(source)),
                  Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .getText()
              .strip());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static BufferedImage readSubsampled(byte[] bytes, ImageHeaderGuard.Header header)
      throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // The decoder's own idea of the size must agree with the header the guard judged.
        if ((long) reader.getWidth(0) * reader.getHeight(0) > header.pixels()) {
          return null;
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) header.pixels() / DECODED_PIXELS));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }
}
