package org.gradphoto.delivery.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.delivery.application.port.out.IdNumbers;
import org.gradphoto.delivery.config.DeliveryKeys;

/**
 * Opens ID numbers with delivery's own key, under which identity-service seals them for this
 * service (see {@link DeliveryKeys}).
 */
@ApplicationScoped
class SealedIdNumbers implements IdNumbers {
  private final DeliveryKeys keys;

  SealedIdNumbers(DeliveryKeys keys) {
    this.keys = keys;
  }

  @Override
  public String open(String sealed) {
    return keys.sealer().open(sealed);
  }
}
