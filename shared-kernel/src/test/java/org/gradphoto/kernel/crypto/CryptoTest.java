package org.gradphoto.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
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
    int prefix = sealed.indexOf(':') + 1;
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix));
    bytes[bytes.length - 1] ^= 1;
    String tampered = sealed.substring(0, prefix) + Base64.getEncoder().encodeToString(bytes);
    assertNotEquals(sealed, tampered);
    assertThrows(IllegalArgumentException.class, () -> sealer.open(tampered));
  }

  @Test
  void keyed_hashes_match_equal_values_and_depend_on_the_key() {
    byte[] k = key();
    assertEquals(new KeyedHash(k).hash("x"), new KeyedHash(k).hash("x"));
    assertNotEquals(new KeyedHash(k).hash("x"), new KeyedHash(k).hash("y"));
    assertNotEquals(new KeyedHash(k).hash("x"), new KeyedHash(key()).hash("x"));
  }
}
