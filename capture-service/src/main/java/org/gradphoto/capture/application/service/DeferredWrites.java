package org.gradphoto.capture.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * Objects written after the upload is answered. The student waits for the spec photo only; the
 * original (kept for adjustments, review and delivery) and the transparent cut-out (a PNG encoded
 * here, for reviewers, delivery and colour changes) need not be on that path. Whatever reads or
 * deletes such an object in this instance first waits for its write here, so nothing hands a key on
 * before its object exists and no deletion races a write.
 */
@ApplicationScoped
class DeferredWrites {
  private static final Duration RETRY_AFTER = Duration.ofMillis(200);

  private final PhotoStorage storage;
  private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  DeferredWrites(PhotoStorage storage) {
    this.storage = storage;
  }

  /**
   * Starts making the bytes (on a worker thread: a PNG encoding is CPU work) and writing them under
   * {@code key}, retried twice; returns at once.
   */
  void start(String key, Supplier<byte[]> bytes, String mediaType) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.put(key, done);
    ContextResume.offload(bytes)
        .chain(b -> storage.put(key, b, mediaType))
        .onFailure()
        .retry()
        .withBackOff(RETRY_AFTER)
        .atMost(2)
        .subscribe()
        .with(
            ok -> {
              pending.remove(key, done);
              done.complete(null);
            },
            e -> {
              Log.errorf("object %s could not be written: %s", key, e.toString());
              pending.remove(key, done);
              done.completeExceptionally(e);
            });
  }

  /** Completes once every write among {@code keys} still running here has ended (either way). */
  Uni<Void> settled(Collection<String> keys) {
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (String key : keys) {
      CompletableFuture<Void> f = key == null ? null : pending.get(key);
      if (f != null) {
        waits.add(f.exceptionally(e -> null));
      }
    }
    return await(waits);
  }

  /**
   * Completes once every object of this attempt still being written here is stored; fails if one of
   * those writes failed, so that nothing is handed on with a key whose object is missing.
   */
  Uni<Void> written(UUID attemptId) {
    String part = "/" + attemptId + "/";
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    pending.forEach(
        (key, f) -> {
          if (key.contains(part)) {
            waits.add(f);
          }
        });
    return await(waits);
  }

  private static Uni<Void> await(List<CompletableFuture<Void>> waits) {
    if (waits.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return ContextResume.onCallerContext(
        Uni.createFrom()
            .completionStage(CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))));
  }
}
