package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.in.TryLaterException;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.kernel.error.ProblemException;

/**
 * Runs the engine on an original and stores what it made: the spec photo before the answer, its
 * cut-out (PNG encoding and write) after it, in {@link CutoutWrites}. Records every key it wrote or
 * is writing, so that a failure further on can delete them again.
 */
@ApplicationScoped
class Renderer {
  private final PhotoStorage storage;
  private final PhotoStandardizer standardizer;
  private final CutoutWrites cutouts;

  Renderer(PhotoStorage storage, PhotoStandardizer standardizer, CutoutWrites cutouts) {
    this.storage = storage;
    this.standardizer = standardizer;
    this.cutouts = cutouts;
  }

  /** True when the engine would take work now (see {@link PhotoStandardizer#hasRoom}). */
  boolean hasRoom() {
    return standardizer.hasRoom();
  }

  /** Best effort: deletes whatever was written, after any cut-out write among them has ended. */
  Uni<Void> delete(List<String> written) {
    List<String> keys;
    synchronized (written) {
      keys = List.copyOf(written);
    }
    return cutouts.settled(keys).chain(() -> storage.delete(keys));
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
                        .invoke(() -> writeLater(written, keys[1], s.cutoutPng()))
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

  /** The items of two pieces of work run at the same time. */
  record Both<A, B>(A first, B second) {}

  /**
   * Runs both at once and waits for both, even when one fails, so that every object either wrote is
   * in {@code written} before a failure deletes them; fails with the first one's failure first.
   */
  static <A, B> Uni<Both<A, B>> both(Uni<A> a, Uni<B> b) {
    return Uni.combine()
        .all()
        .unis(settled(a), settled(b))
        .asTuple()
        .chain(
            t -> {
              Throwable failed =
                  t.getItem1().failure() != null ? t.getItem1().failure() : t.getItem2().failure();
              return failed != null
                  ? Uni.createFrom().failure(failed)
                  : Uni.createFrom().item(new Both<>(t.getItem1().item(), t.getItem2().item()));
            });
  }

  private record Settled<T>(T item, Throwable failure) {}

  private static <T> Uni<Settled<T>> settled(Uni<T> work) {
    return work.map(i -> new Settled<T>(i, null))
        .onFailure()
        .recoverWithItem(e -> new Settled<T>(null, e));
  }

  private void writeLater(List<String> written, String key, Supplier<byte[]> png) {
    synchronized (written) {
      written.add(key);
    }
    cutouts.start(key, png);
  }

  /** Completes once this attempt's cut-out is stored (fails if its write failed). */
  Uni<Void> cutoutWritten(UUID attemptId) {
    return cutouts.written(attemptId);
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

  private static ProblemException rejected(PhotoStandardizer.Rejected e) {
    return ProblemException.unprocessable("PHOTO_" + e.code(), e.getMessage());
  }

  private static TryLaterException busy(PhotoStandardizer.Busy e) {
    return e.starting()
        ? new TryLaterException(
            "STANDARDIZER_STARTING", "照片处理服务正在启动，请稍等几秒后重新上传。", e.retryAfterSeconds())
        : new TryLaterException(
            "STANDARDIZER_BUSY",
            "当前上传的人太多，照片处理排队已满，请 " + e.retryAfterSeconds() + " 秒后重新上传（照片没有保存）。",
            e.retryAfterSeconds());
  }
}
