package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;

/** What a student may see and change: only their own collections and the attempts in them. */
@ApplicationScoped
class Ownership {
  private final CollectionRepository collections;
  private final AttemptRepository attempts;

  Ownership(CollectionRepository collections, AttemptRepository attempts) {
    this.collections = collections;
    this.attempts = attempts;
  }

  /** A collection and some of its attempts (one, for a single attempt). */
  record Listed(CaptureCollection collection, List<Attempt> attempts) {}

  /** The student's own collection; someone else's reads as not found. */
  Uni<CaptureCollection> owned(UUID studentId, UUID collectionId) {
    return collections
        .find(collectionId)
        .map(
            c -> {
              if (c.isEmpty() || !c.get().ownedBy(studentId)) {
                throw new CaptureRefusal(Reason.COLLECTION_NOT_FOUND);
              }
              return c.get();
            });
  }

  /** One attempt of the student's own collection; any other reads as not found. */
  Uni<Listed> ownedAttempt(UUID studentId, UUID collectionId, UUID attemptId) {
    return owned(studentId, collectionId)
        .chain(
            c ->
                attempts
                    .find(attemptId)
                    .map(
                        a -> {
                          if (a.isEmpty() || !a.get().collectionId().equals(c.id())) {
                            throw new CaptureRefusal(Reason.ATTEMPT_NOT_FOUND);
                          }
                          return new Listed(c, List.of(a.get()));
                        }));
  }
}
