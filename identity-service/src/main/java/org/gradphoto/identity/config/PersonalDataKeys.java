package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;

/** Keys that protect ID numbers and other identifiers (base64, 32 bytes each, from the env). */
@ConfigMapping(prefix = "gradphoto.id")
public interface PersonalDataKeys {
  /** AES-256-GCM key sealing ID numbers at rest and in events (GRADPHOTO_ID_ENC_KEY). */
  String encKey();

  /** HMAC-SHA256 key for lookups by ID number, phone and openid (GRADPHOTO_ID_HASH_KEY). */
  String hashKey();
}
