package org.gradphoto.delivery.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.delivery.application.port.out.IdNumbers;
import org.gradphoto.kernel.crypto.Sealer;

/**
 * Opens ID numbers with the key identity-service sealed them under ({@code GRADPHOTO_ID_ENC_KEY}).
 */
@ApplicationScoped
class SealedIdNumbers implements IdNumbers {
  private final Optional<Sealer> sealer;

  SealedIdNumbers(@ConfigProperty(name = "gradphoto.id.enc-key") Optional<String> key) {
    this.sealer = key.filter(k -> !k.isBlank()).map(Sealer::fromBase64);
  }

  @Override
  public String open(String sealed) {
    return sealer
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "gradphoto.id.enc-key is not set: packages cannot be named by ID number"))
        .open(sealed);
  }
}
