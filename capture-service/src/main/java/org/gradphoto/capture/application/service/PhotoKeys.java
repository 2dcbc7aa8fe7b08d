package org.gradphoto.capture.application.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Object keys in the photo bucket: {@code collections/<collection>/<attempt>/<128 random bits>/…}.
 * The random part makes a key unguessable even to someone who knows the ids, and a re-rendering
 * gets new keys so a cached old preview is never mistaken for the new one.
 */
final class PhotoKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PhotoKeys() {}

  static String prefix(UUID collectionId) {
    return "collections/" + collectionId + "/";
  }

  static String original(UUID collectionId, UUID attemptId, String extension) {
    return folder(collectionId, attemptId) + "original." + extension;
  }

  /** The standardized JPEG and its cut-out share one fresh folder per rendering. */
  static String[] rendering(UUID collectionId, UUID attemptId) {
    String folder = folder(collectionId, attemptId);
    return new String[] {folder + "standardized.jpg", folder + "cutout.png"};
  }

  private static String folder(UUID collectionId, UUID attemptId) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return prefix(collectionId) + attemptId + "/" + HexFormat.of().formatHex(nonce) + "/";
  }
}
