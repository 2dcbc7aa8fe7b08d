package org.gradphoto.capture.application.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Object keys in the photo bucket. Renderings (the standardized JPEG and its cut-out) are under
 * {@code collections/<collection>/<attempt>/<128 random bits>/…}; the uploaded original is under
 * {@link #ORIGINALS} followed by the same layout, so the bucket's lifecycle rule can expire
 * originals by that prefix alone (deploy/helm: {@code minio.originalsExpireDays}) and never touch a
 * rendering. The random part makes a key unguessable even to someone who knows the ids, and a
 * re-rendering gets new keys so a cached old preview is never mistaken for the new one. The keys
 * are stored per attempt, so changing this layout leaves older attempts readable.
 */
final class PhotoKeys {
  /** Every original's key starts with this, and no other key does. */
  static final String ORIGINALS = "originals/";

  private static final SecureRandom RANDOM = new SecureRandom();

  private PhotoKeys() {}

  static String original(UUID collectionId, UUID attemptId, String extension) {
    return ORIGINALS + folder(collectionId, attemptId) + "original." + extension;
  }

  /** The standardized JPEG and its cut-out share one fresh folder per rendering. */
  static String[] rendering(UUID collectionId, UUID attemptId) {
    String folder = folder(collectionId, attemptId);
    return new String[] {folder + "standardized.jpg", folder + "cutout.png"};
  }

  private static String folder(UUID collectionId, UUID attemptId) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return "collections/"
        + collectionId
        + "/"
        + attemptId
        + "/"
        + HexFormat.of().formatHex(nonce)
        + "/";
  }
}
