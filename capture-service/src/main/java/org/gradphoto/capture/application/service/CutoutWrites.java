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
 * Cut-outs encoded and written after the preview is answered. The student waits for the spec photo
 * only; the transparent cut-out (for reviewers, delivery and colour changes) costs a PNG encoding
 * and a write that need not be on that path. Whatever reads or deletes a cut-out of this instance
 * first waits for its write here, so nothing sees a key before its object exists and no deletion
 * races a write.
 */
@ApplicationScoped
class CutoutWrites {
  private static final Duration RETRY_AFTER = Duration.ofMillis(200);

  private final PhotoStorage storage;
  private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  CutoutWrites(PhotoStorage storage) {
    this.storage = storage;
  }

  /** Starts encoding and writing {@code key} on a worker thread; returns at once. */
  void start(String key, Supplier<byte[]> png) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.put(key, done);
    ContextResume.offload(png)
        .chain(bytes -> storage.put(key, bytes, "image/png"))
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
              Log.errorf("cut-out %s could not be written: %s", key, e.toString());
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
   * Completes once this attempt's cut-out is written; fails if its write failed, so that nothing is
   * handed on with a key whose object is missing.
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
