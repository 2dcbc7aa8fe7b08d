package org.gradphoto.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal identifiers (ID numbers, openids) at rest and inside events with AES-256-GCM.
 * The sealed form is {@code v2:<key id>:<base64(iv || ciphertext+tag)>} with the key id as
 * associated data, so a value names the key that opens it and cannot be relabelled; a fresh random
 * IV each time, so equal numbers seal differently (match them with {@link KeyedHash} instead).
 *
 * <p>A sealer holds one active key (sealing) and any number of previous ones (opening only), which
 * is what a rotation needs: values under an older key keep opening while a background job seals
 * them again under the active one ({@link #isCurrent}). Values of the first format, {@code
 * v1:<base64>} without a key id, are opened with whichever held key fits.
 */
public final class Sealer {
  private static final String LEGACY = "v1:";
  private static final String PREFIX = "v2:";
  private static final int IV_BYTES = 12;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** The id of a key configured without one (the keys made before key ids existed). */
  public static final String FIRST_KEY_ID = "1";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String activeId;
  private final Map<String, SecretKeySpec> keys;

  /** One key, id {@value #FIRST_KEY_ID}. */
  public Sealer(byte[] key) {
    this(FIRST_KEY_ID, Map.of(FIRST_KEY_ID, key));
  }

  private Sealer(String activeId, Map<String, byte[]> keys) {
    Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
    specs.put(activeId, spec(activeId, keys.get(activeId)));
    keys.forEach((id, key) -> specs.putIfAbsent(id, spec(id, key)));
    this.activeId = activeId;
    this.keys = Map.copyOf(specs);
  }

  /** One key given as base64 (or {@code <key id>:<base64>}). */
  public static Sealer fromBase64(String key) {
    return ring(key, List.of());
  }

  /**
   * The active key and the previous ones, each written {@code <key id>:<base64>} (a key without an
   * id is key {@value #FIRST_KEY_ID}). Key ids must differ.
   */
  public static Sealer ring(String active, List<String> previous) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    String[] first = parse(active);
    keys.put(first[0], decode(first[1]));
    for (String p : previous) {
      if (p == null || p.isBlank()) {
        continue;
      }
      String[] k = parse(p.strip());
      if (keys.putIfAbsent(k[0], decode(k[1])) != null) {
        throw new IllegalArgumentException("two sealing keys have the id " + k[0]);
      }
    }
    return new Sealer(first[0], keys);
  }

  /** Id of the key new values are sealed under. */
  public String activeKeyId() {
    return activeId;
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(128, iv));
      c.updateAAD(activeId.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return PREFIX + activeId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** Opens a sealed value; fails if it was tampered with or sealed under a key not held here. */
  public String open(String sealed) {
    if (sealed != null && sealed.startsWith(PREFIX)) {
      int colon = sealed.indexOf(':', PREFIX.length());
      String id = colon < 0 ? "" : sealed.substring(PREFIX.length(), colon);
      SecretKeySpec key = keys.get(id);
      if (key == null) {
        throw new IllegalArgumentException(
            "the sealed value names key " + id + ", which this service does not hold");
      }
      byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
      return open(key, id.getBytes(StandardCharsets.US_ASCII), in);
    }
    if (sealed != null && sealed.startsWith(LEGACY)) {
      byte[] in = Base64.getDecoder().decode(sealed.substring(LEGACY.length()));
      for (SecretKeySpec key : legacyOrder()) {
        try {
          return open(key, null, in);
        } catch (IllegalArgumentException wrongKey) {
          // try the next key: a v1 value does not say which one sealed it
        }
      }
      throw new IllegalArgumentException("the sealed value cannot be opened with this key");
    }
    throw new IllegalArgumentException("not a sealed value");
  }

  /** True when the value is sealed under the active key (nothing for a rotation to do). */
  public boolean isCurrent(String sealed) {
    return sealed != null && sealed.startsWith(PREFIX + activeId + ":");
  }

  /** Opens a value sealed under any held key and seals it under the active one. */
  public String reseal(String sealed) {
    return isCurrent(sealed) ? sealed : seal(open(sealed));
  }

  private List<SecretKeySpec> legacyOrder() {
    List<SecretKeySpec> order = new ArrayList<>();
    if (keys.containsKey(FIRST_KEY_ID)) {
      order.add(keys.get(FIRST_KEY_ID));
    }
    keys.forEach(
        (id, k) -> {
          if (!id.equals(FIRST_KEY_ID)) {
            order.add(k);
          }
        });
    return order;
  }

  private static String open(SecretKeySpec key, byte[] aad, byte[] in) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
      if (aad != null) {
        c.updateAAD(aad);
      }
      return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the sealed value cannot be opened with this key", e);
    }
  }

  private static String[] parse(String configured) {
    int colon = configured.indexOf(':');
    String id = colon < 0 ? FIRST_KEY_ID : configured.substring(0, colon);
    if (!KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a sealing key id is 1-32 letters, digits, - or _");
    }
    return new String[] {id, configured.substring(colon + 1)};
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.strip());
  }

  private static SecretKeySpec spec(String id, byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("the sealing key " + id + " must be 32 bytes");
    }
    return new SecretKeySpec(key.clone(), "AES");
  }
}
