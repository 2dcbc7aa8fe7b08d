package org.gradphoto.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of an identifier under a secret key: lets a service find a record by ID number
 * without storing the number in the clear, and without a table an attacker could precompute.
 */
public final class KeyedHash {
  private final SecretKeySpec key;

  public KeyedHash(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the hashing key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public static KeyedHash fromBase64(String base64Key) {
    return new KeyedHash(Base64.getDecoder().decode(base64Key));
  }

  public String hash(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
