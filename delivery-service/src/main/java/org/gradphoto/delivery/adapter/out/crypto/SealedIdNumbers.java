package org.gradphoto.delivery.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.delivery.application.port.out.IdNumbers;
import org.gradphoto.kernel.crypto.Sealer;

/**
 * Opens ID numbers with delivery's own key ({@code GRADPHOTO_ID_DELIVERY_KEY}), under which
 * identity-service seals them for this service; earlier keys ({@code
 * GRADPHOTO_ID_DELIVERY_KEY_PREVIOUS}) keep opening what they sealed. Identity's own key is never
 * here.
 */
@ApplicationScoped
class SealedIdNumbers implements IdNumbers {
  private final Optional<Sealer> sealer;

  SealedIdNumbers(
      @ConfigProperty(name = "gradphoto.id.delivery-key") Optional<String> key,
      @ConfigProperty(name = "gradphoto.id.delivery-key-previous")
          Optional<List<String>> previous) {
    this.sealer =
        key.filter(k -> !k.isBlank()).map(k -> Sealer.ring(k, previous.orElse(List.of())));
  }

  @Override
  public String open(String sealed) {
    return sealer
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "gradphoto.id.delivery-key is not set: packages cannot be named by ID number"))
        .open(sealed);
  }
}
