package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.in.UploadPhotoUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.application.port.out.UploadBudget;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;

/** A new attempt: checked, standardized and stored; a retried upload gets the first answer. */
@ApplicationScoped
class UploadPhotoService implements UploadPhotoUseCase {
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final Ownership ownership;
  private final Renderer renderer;
  private final Views views;
  private final UploadBudget budget;
  private final int uploadsPerHour;

  UploadPhotoService(
      AttemptRepository attempts,
      UnitOfWork uow,
      Ownership ownership,
      Renderer renderer,
      Views views,
      UploadBudget budget,
      CaptureConfig config) {
    this.attempts = attempts;
    this.uow = uow;
    this.ownership = ownership;
    this.renderer = renderer;
    this.views = views;
    this.budget = budget;
    this.uploadsPerHour = config.uploadsPerHour();
  }

  @Override
  public Uni<AttemptView> upload(UploadPhotoCommand cmd) {
    Instant now = Instant.now();
    return uow.transaction(
            () ->
                ownership
                    .owned(cmd.studentId(), cmd.collectionId())
                    .chain(
                        c ->
                            cmd.clientKey() == null
                                ? Uni.createFrom().item(new Found(c, Optional.empty()))
                                : attempts
                                    .byClientKey(c.id(), cmd.clientKey())
                                    .map(a -> new Found(c, a)))
                    // A retry of an upload already answered costs nothing; every new one is
                    // counted (in this transaction, before the engine runs), refused or not.
                    .call(
                        f ->
                            f.attempt().isPresent() ? Uni.createFrom().voidItem() : take(cmd, now)))
        .chain(
            found -> {
              if (found.attempt().isPresent()) {
                return views.attempt(found.collection(), found.attempt().get(), now);
              }
              return createAttempt(found.collection(), cmd, now)
                  .onFailure(e -> cmd.clientKey() != null && !(e instanceof CaptureRefusal))
                  .recoverWithUni(e -> sameUploadOrFail(found.collection(), cmd.clientKey(), e))
                  .chain(a -> views.attempt(found.collection(), a, now));
            });
  }

  private Uni<Void> take(UploadPhotoCommand cmd, Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    return budget
        .take(cmd.studentId(), hour, uploadsPerHour)
        .invoke(
            taken -> {
              if (!taken) {
                long wait =
                    Math.max(
                        1, hour.plus(1, ChronoUnit.HOURS).getEpochSecond() - now.getEpochSecond());
                throw new CaptureRefusal(
                    Reason.UPLOAD_LIMIT_REACHED,
                    Map.of("perHour", uploadsPerHour, "retryAfterSeconds", (int) wait));
              }
            })
        .replaceWithVoid();
  }

  private record Found(CaptureCollection collection, Optional<Attempt> attempt) {}

  private Uni<Attempt> createAttempt(CaptureCollection c, UploadPhotoCommand cmd, Instant now) {
    c.ensureCapturing(now);
    byte[] photo = cmd.photo();
    if (photo.length == 0) {
      throw new CaptureRefusal(Reason.PHOTO_EMPTY);
    }
    c.ensureSizeAllowed(photo.length);
    String colour = c.colourOrDefault(cmd.background());
    PhotoStandardizer.Inspected image = renderer.inspect(photo);
    UUID attemptId = UUID.randomUUID();
    String originalKey = PhotoKeys.original(c.id(), attemptId, image.extension());
    List<String> written = new ArrayList<>();
    Uni<Attempt.Rendering> rendered =
        renderer.render(c, attemptId, photo, cmd.cropHint(), colour, now, written);
    // The original is written beside the engine and not waited for: the answer needs only the
    // stored preview. Whatever reads or deletes the original in this instance waits for its write
    // (DeferredWrites). When the engine would refuse the upload anyway (queue full, models
    // loading), nothing is written until it has rendered: the refusal comes first.
    Supplier<byte[]> bytes = () -> photo;
    Uni<Attempt.Rendering> stored;
    if (renderer.hasRoom()) {
      renderer.writeLater(written, originalKey, bytes, image.mediaType());
      stored = rendered;
    } else {
      stored =
          rendered.invoke(r -> renderer.writeLater(written, originalKey, bytes, image.mediaType()));
    }
    return stored
        .chain(
            rendering ->
                uow.transaction(
                    () ->
                        ownership
                            .owned(cmd.studentId(), c.id())
                            .chain(
                                fresh -> {
                                  // Capture may have closed while the photo was processed.
                                  fresh.ensureCapturing(Instant.now());
                                  return attempts.count(c.id());
                                })
                            .chain(
                                n -> {
                                  Attempt a =
                                      new Attempt(
                                          attemptId,
                                          c.id(),
                                          n + 1,
                                          now,
                                          cmd.clientKey(),
                                          new Attempt.Original(
                                              originalKey, image.mediaType(), photo.length),
                                          AttemptStatus.READY,
                                          rendering);
                                  return attempts.add(a).replaceWith(a);
                                })))
        // Whatever went wrong, leave nothing behind in the bucket.
        .onFailure()
        .call(e -> renderer.delete(written));
  }

  private Uni<Attempt> sameUploadOrFail(CaptureCollection c, String clientKey, Throwable e) {
    // Two tries of one upload raced; the other one's attempt is the answer.
    return uow.transaction(() -> attempts.byClientKey(c.id(), clientKey))
        .chain(a -> a.isPresent() ? Uni.createFrom().item(a.get()) : Uni.createFrom().failure(e));
  }
}
