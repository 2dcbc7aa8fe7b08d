package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Finds and reads a QR code (or other 2D/1D code) in a picture. */
public interface QrCodeReader {
  Uni<Optional<String>> read(byte[] image);
}
