package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;

/**
 * Object storage: capture's photo bucket (read) and delivery's own bucket (pinned photos, layout
 * sheets, packages).
 */
public interface PhotoStore {
  /** The bytes capture stored under this key in the photo bucket. */
  Uni<byte[]> readCaptured(String key);

  /** Stores a file in delivery's bucket. */
  Uni<Void> store(String key, byte[] bytes, String contentType);

  /** The bytes of a file in delivery's bucket. */
  Uni<byte[]> read(String key);

  /** Whether delivery's bucket holds a file under this key. */
  Uni<Boolean> exists(String key);
}
