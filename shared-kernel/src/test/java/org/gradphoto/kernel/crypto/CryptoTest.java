package org.gradphoto.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoTest {
  private static byte[] key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  @Test
  void sealing_hides_the_value_and_opens_only_with_the_same_key() {
    Sealer sealer = new Sealer(key());
    String a = sealer.seal("11010519491231002X");
    String b = sealer.seal("11010519491231002X");
    assertNotEquals(a, b);
    assertFalse(a.contains("1949"));
    assertEquals("11010519491231002X", sealer.open(a));
    assertThrows(IllegalArgumentException.class, () -> new Sealer(key()).open(a));
  }

  @Test
  void a_tampered_sealed_value_is_refused() {
    Sealer sealer = new Sealer(key());
    String sealed = sealer.seal("secret");
    // Flip one bit of the last byte (part of the GCM tag). Editing a Base64 character instead can
    // hit the padding bits and decode to the very same bytes.
    int prefix = sealed.lastIndexOf(':') + 1;
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix));
    bytes[bytes.length - 1] ^= 1;
    String tampered = sealed.substring(0, prefix) + Base64.getEncoder().encodeToString(bytes);
    assertNotEquals(sealed, tampered);
    assertThrows(IllegalArgumentException.class, () -> sealer.open(tampered));
  }

  @Test
  void a_rotation_opens_old_values_seals_new_ones_under_the_new_key_and_reseals() {
    String oldKey = Base64.getEncoder().encodeToString(key());
    String newKey = Base64.getEncoder().encodeToString(key());
    Sealer before = Sealer.fromBase64(oldKey);
    String sealedBefore = before.seal("11010519491231002X");
    assertTrue(sealedBefore.startsWith("v2:1:"), sealedBefore);

    Sealer during = Sealer.ring("2:" + newKey, List.of("1:" + oldKey));
    assertEquals("2", during.activeKeyId());
    assertEquals("11010519491231002X", during.open(sealedBefore));
    assertFalse(during.isCurrent(sealedBefore));
    String resealed = during.reseal(sealedBefore);
    assertTrue(during.isCurrent(resealed));
    assertTrue(resealed.startsWith("v2:2:"), resealed);
    assertEquals(resealed, during.reseal(resealed), "a current value is left as it is");

    // Once everything is resealed the old key can go: new values never needed it.
    Sealer after = Sealer.ring("2:" + newKey, List.of());
    assertEquals("11010519491231002X", after.open(resealed));
    assertThrows(IllegalArgumentException.class, () -> after.open(sealedBefore));
    assertThrows(IllegalArgumentException.class, () -> before.open(resealed));
  }

  @Test
  void a_value_relabelled_with_another_key_id_is_refused() {
    String k = Base64.getEncoder().encodeToString(key());
    Sealer ring = Sealer.ring("2:" + k, List.of("3:" + k));
    String sealed = ring.seal("secret");
    assertThrows(IllegalArgumentException.class, () -> ring.open(sealed.replace("v2:2:", "v2:3:")));
  }

  @Test
  void values_of_the_first_format_without_a_key_id_still_open() throws Exception {
    byte[] k = key();
    // v1:<base64(iv || ciphertext+tag)>, no associated data: what was sealed before key ids.
    byte[] iv = new byte[12];
    javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    c.init(
        javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(k, "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, iv));
    byte[] body = c.doFinal("old".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] all = new byte[12 + body.length];
    System.arraycopy(body, 0, all, 12, body.length);
    String v1 = "v1:" + Base64.getEncoder().encodeToString(all);
    String newKey = Base64.getEncoder().encodeToString(key());
    Sealer ring = Sealer.ring("2:" + newKey, List.of(Base64.getEncoder().encodeToString(k)));
    assertEquals("old", ring.open(v1));
    assertFalse(ring.isCurrent(v1));
    assertEquals("old", ring.open(ring.reseal(v1)));
  }

  @Test
  void keyed_hashes_match_equal_values_and_depend_on_the_key() {
    byte[] k = key();
    assertEquals(new KeyedHash(k).hash("x"), new KeyedHash(k).hash("x"));
    assertNotEquals(new KeyedHash(k).hash("x"), new KeyedHash(k).hash("y"));
    assertNotEquals(new KeyedHash(k).hash("x"), new KeyedHash(key()).hash("x"));
  }
}
