package org.gradphoto.identity.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.identity.application.port.out.IdNumbersForDelivery;
import org.gradphoto.identity.config.PersonalDataKeys;
import org.gradphoto.kernel.crypto.Sealer;

/**
 * Opens with this service's key ring, seals with delivery's key ({@code
 * GRADPHOTO_ID_DELIVERY_KEY}).
 */
@ApplicationScoped
class DeliveryKeySealer implements IdNumbersForDelivery {
  private final Sealer own;
  private final Sealer delivery;

  DeliveryKeySealer(Sealer own, PersonalDataKeys keys) {
    this.own = own;
    this.delivery = Sealer.fromBase64(keys.deliveryKey());
  }

  @Override
  public String sealForDelivery(String sealedAtRest) {
    return delivery.seal(own.open(sealedAtRest));
  }
}
