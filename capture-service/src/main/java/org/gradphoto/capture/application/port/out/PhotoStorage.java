package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/** The photo bucket (S3 API). */
public interface PhotoStorage {
  Uni<Void> put(String key, byte[] bytes, String mediaType);

  /** Fails with {@link ObjectMissing} when no object has the key (deleted, or expired). */
  Uni<byte[]> get(String key);

  /** True when an object has the key (a metadata request: the bytes are not read). */
  Uni<Boolean> exists(String key);

  /** Best effort: a key that is already gone is not an error. */
  Uni<Void> delete(List<String> keys);

  /** A URL anyone holding it may GET the object with, until it expires. */
  Uni<String> presignGet(String key, Duration ttl);

  /** No object has the key: it was deleted, or a lifecycle rule expired it. */
  final class ObjectMissing extends RuntimeException {
    public ObjectMissing(String key) {
      super("no object " + key, null, false, false);
    }
  }
}
