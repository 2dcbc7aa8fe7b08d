package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Keys that protect ID numbers and other identifiers (base64, 32 bytes each, from the env). A
 * sealing key may be written {@code <key id>:<base64>}; one without an id is key "1".
 */
@ConfigMapping(prefix = "gradphoto.id")
public interface PersonalDataKeys {
  /**
   * AES-256-GCM key sealing ID numbers, openids and the token-signing key at rest
   * (GRADPHOTO_ID_ENC_KEY). Only this service holds it.
   */
  String encKey();

  /**
   * Earlier sealing keys, still opening what they sealed until the background rotation has sealed
   * it again under {@link #encKey()} (GRADPHOTO_ID_ENC_KEY_PREVIOUS, comma-separated).
   */
  Optional<List<String>> encKeyPrevious();

  /**
   * Delivery-service's key: the ID number in {@code EligibilityGranted} is sealed under it, so
   * delivery opens it without holding {@link #encKey()} (GRADPHOTO_ID_DELIVERY_KEY).
   */
  String deliveryKey();

  /** HMAC-SHA256 key for lookups by ID number, phone and openid (GRADPHOTO_ID_HASH_KEY). */
  String hashKey();
}
