package org.gradphoto.delivery.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.crypto.Sealer;

/**
 * Delivery's own sealing key ({@code GRADPHOTO_ID_DELIVERY_KEY}), earlier keys ({@code
 * GRADPHOTO_ID_DELIVERY_KEY_PREVIOUS}) still opening what they sealed. Identity seals ID numbers
 * for this service under it, and this service seals the openids it keeps (notification consents).
 * Identity's own key is never here.
 */
@ApplicationScoped
public class DeliveryKeys {
  private final Optional<Sealer> sealer;

  DeliveryKeys(
      @ConfigProperty(name = "gradphoto.id.delivery-key") Optional<String> key,
      @ConfigProperty(name = "gradphoto.id.delivery-key-previous")
          Optional<List<String>> previous) {
    this.sealer =
        key.filter(k -> !k.isBlank()).map(k -> Sealer.ring(k, previous.orElse(List.of())));
  }

  /** The sealer; refuses, naming the setting, when the key is not configured. */
  public Sealer sealer() {
    return sealer.orElseThrow(
        () ->
            new IllegalStateException(
                "gradphoto.id.delivery-key (GRADPHOTO_ID_DELIVERY_KEY) is not set"));
  }
}
