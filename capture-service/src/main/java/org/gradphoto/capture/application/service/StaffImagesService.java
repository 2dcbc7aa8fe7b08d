package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.application.port.in.AttemptImages;
import org.gradphoto.capture.application.port.in.StaffImagesQuery;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;
import org.gradphoto.kernel.security.Actor;

/**
 * Presigned image URLs of any attempt for reviewers and school admins of its school, and operators.
 */
@ApplicationScoped
class StaffImagesService implements StaffImagesQuery {
  private final CollectionRepository collections;
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final PhotoStorage storage;
  private final Renderer renderer;
  private final Duration ttl;

  StaffImagesService(
      CollectionRepository collections,
      AttemptRepository attempts,
      UnitOfWork uow,
      PhotoStorage storage,
      Renderer renderer,
      CaptureConfig config) {
    this.collections = collections;
    this.attempts = attempts;
    this.uow = uow;
    this.storage = storage;
    this.renderer = renderer;
    this.ttl = config.presignTtl();
  }

  private record Found(Attempt attempt, CaptureCollection collection) {}

  @Override
  public Uni<AttemptImages> images(Actor actor, UUID attemptId) {
    boolean staff = actor.isOperator() || actor.is(Actor.REVIEWER) || actor.is(Actor.SCHOOL_ADMIN);
    if (!staff) {
      throw new CaptureRefusal(Reason.STAFF_ONLY);
    }
    Instant expires = Instant.now().plus(ttl);
    return uow.transaction(
            () ->
                attempts
                    .find(attemptId)
                    .map(a -> a.orElseThrow(StaffImagesService::notFound))
                    .chain(
                        a ->
                            collections
                                .find(a.collectionId())
                                .map(
                                    c ->
                                        new Found(a, c.orElseThrow(StaffImagesService::notFound)))))
        .chain(
            f -> {
              if (!actor.mayActFor(f.collection().schoolCode())) {
                throw new CaptureRefusal(Reason.SCHOOL_NOT_ALLOWED);
              }
              Attempt a = f.attempt();
              // An original or cut-out still being written after its upload's answer: their URLs
              // once they exist.
              return renderer
                  .written(a.id())
                  .chain(
                      () ->
                          Uni.combine()
                              .all()
                              .unis(
                                  presign(a.rendering().standardizedKey()),
                                  storage.presignGet(a.original().key(), ttl),
                                  presign(a.rendering().cutoutKey()))
                              .with((s, o, c) -> new AttemptImages(s, o, c, expires)));
            });
  }

  /** Null for an image the engine did not produce (an attempt with only findings). */
  private Uni<String> presign(String key) {
    return key == null ? Uni.createFrom().nullItem() : storage.presignGet(key, ttl);
  }

  private static CaptureRefusal notFound() {
    return new CaptureRefusal(Reason.ATTEMPT_NOT_FOUND);
  }
}
