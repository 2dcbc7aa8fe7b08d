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
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gradphoto.identity.application.port.out.QrCodeReader;

/** Reads the CHSI image-collection code from an album picture with ZXing (on a worker thread). */
@ApplicationScoped
class ZxingQrCodeReader implements QrCodeReader {
  private static final int MAX_PIXELS = 40_000_000;

  @Override
  public Uni<Optional<String>> read(byte[] image) {
    return Uni.createFrom()
        .item(() -> decode(image))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private static Optional<String> decode(byte[] bytes) {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (img == null || (long) img.getWidth() * img.getHeight() > MAX_PIXELS) {
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
}
