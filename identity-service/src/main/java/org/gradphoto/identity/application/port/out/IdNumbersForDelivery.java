package org.gradphoto.identity.application.port.out;

/**
 * ID numbers as delivery-service may read them. Delivery names school packages by ID number, so it
 * must open them, but it must never hold this service's own key (which also seals openids and the
 * token-signing key): events carry the number sealed again under delivery's key.
 */
public interface IdNumbersForDelivery {
  /** The number sealed at rest here, sealed under delivery's key instead. */
  String sealForDelivery(String sealedAtRest);
}
