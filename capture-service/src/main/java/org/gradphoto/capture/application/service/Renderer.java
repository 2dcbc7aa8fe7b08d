package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * Runs the engine on an original and stores what it made: the spec photo before the answer, its
 * cut-out (PNG encoding and write) after it, in {@link DeferredWrites}, where the upload's original
 * is written too. Records every key it wrote or is writing, so that a failure further on can delete
 * them again.
 */
@ApplicationScoped
class Renderer {
  private final PhotoStorage storage;
  private final PhotoStandardizer standardizer;
  private final DeferredWrites later;

  Renderer(PhotoStorage storage, PhotoStandardizer standardizer, DeferredWrites later) {
    this.storage = storage;
    this.standardizer = standardizer;
    this.later = later;
  }

  /** True when the engine would take work now (see {@link PhotoStandardizer#hasRoom}). */
  boolean hasRoom() {
    return standardizer.hasRoom();
  }

  /** Best effort: deletes whatever was written, after any deferred write among them has ended. */
  Uni<Void> delete(List<String> written) {
    List<String> keys;
    synchronized (written) {
      keys = List.copyOf(written);
    }
    return later.settled(keys).chain(() -> storage.delete(keys));
  }

  /** An object's bytes, once a deferred write of it in this instance has ended. */
  Uni<byte[]> get(String key) {
    return later.settled(List.of(key)).chain(() -> storage.get(key));
  }

  /** True when the object is stored, asked once a deferred write of it here has ended. */
  Uni<Boolean> stored(String key) {
    return later.settled(List.of(key)).chain(() -> storage.exists(key));
  }

  /**
   * Renders the attempt again from its original exactly as it was rendered (same guide frame, same
   * colour) and stores the cut-out under the key the attempt already names: a cut-out whose write
   * after the answer was lost. Fails when the engine is busy or makes no photo of it now.
   */
  Uni<Void> cutoutAgain(CaptureCollection c, Attempt a) {
    Attempt.Rendering r = a.rendering();
    return storage
        .get(a.original().key())
        .chain(
            bytes ->
                standardizer.standardize(
                    bytes, c.specProfile(), a.cropHint(), r.backgroundColour()))
        .chain(
            s -> {
              if (!s.hasPhoto()) {
                return Uni.createFrom()
                    .failure(new IllegalStateException("no photo rendered again: " + a.id()));
              }
              return ContextResume.offload(s.cutoutPng())
                  .chain(png -> storage.put(r.cutoutKey(), png, "image/png"));
            });
  }

  /**
   * Standardizes and stores the spec photo; starts the cut-out's encoding and write once the photo
   * is stored (not waited for); records both keys.
   */
  Uni<Attempt.Rendering> render(
      CaptureCollection c,
      UUID attemptId,
      byte[] original,
      Optional<CropHint> hint,
      String colour,
      Instant now,
      List<String> written) {
    String[] keys = PhotoKeys.rendering(c.id(), attemptId);
    return standardizer
        .standardize(original, c.specProfile(), hint, colour)
        .onFailure(PhotoStandardizer.Rejected.class)
        .transform(e -> rejected((PhotoStandardizer.Rejected) e))
        .onFailure(PhotoStandardizer.Busy.class)
        .transform(e -> busy((PhotoStandardizer.Busy) e))
        // No photo, nothing to write. The cut-out is needed later (review, delivery): its PNG
        // encoding and write run after the preview is stored, beside the rest of the answer.
        .call(
            s ->
                s.hasPhoto()
                    ? put(written, keys[0], s.jpeg(), "image/jpeg")
                        .invoke(() -> writeLater(written, keys[1], s.cutoutPng(), "image/png"))
                    : Uni.createFrom().voidItem())
        .map(
            s ->
                new Attempt.Rendering(
                    s.hasPhoto() ? keys[0] : null,
                    s.hasPhoto() ? keys[1] : null,
                    hint.orElse(null),
                    colour,
                    s.findings(),
                    s.geometry(),
                    now));
  }

  /** Records the key and starts its write without waiting for it (see {@link DeferredWrites}). */
  void writeLater(List<String> written, String key, Supplier<byte[]> bytes, String mediaType) {
    synchronized (written) {
      written.add(key);
    }
    later.start(key, bytes, mediaType);
  }

  /**
   * Completes once every deferred write of this attempt (original, cut-out) is stored; fails if one
   * failed.
   */
  Uni<Void> written(UUID attemptId) {
    return later.written(attemptId);
  }

  Uni<Void> put(List<String> written, String key, byte[] bytes, String mediaType) {
    synchronized (written) {
      written.add(key);
    }
    return storage.put(key, bytes, mediaType);
  }

  PhotoStandardizer.Inspected inspect(byte[] photo) {
    try {
      return standardizer.inspect(photo);
    } catch (PhotoStandardizer.Rejected e) {
      throw rejected(e);
    }
  }

  private static CaptureRefusal rejected(PhotoStandardizer.Rejected e) {
    return new CaptureRefusal(
        Reason.PHOTO_REJECTED, Map.of("code", e.code(), "message", e.getMessage()));
  }

  private static CaptureRefusal busy(PhotoStandardizer.Busy e) {
    return new CaptureRefusal(
        e.starting() ? Reason.STANDARDIZER_STARTING : Reason.STANDARDIZER_BUSY,
        Map.of("retryAfterSeconds", e.retryAfterSeconds()));
  }
}
