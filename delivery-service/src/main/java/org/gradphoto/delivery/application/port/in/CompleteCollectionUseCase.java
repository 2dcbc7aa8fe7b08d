package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * Pin the approved photo as the standard photo and make its layout sheets (CollectionCompleted).
 */
public interface CompleteCollectionUseCase {
  Uni<Void> complete(Completion completion);

  record Completion(
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String schoolCode,
      String specProfile,
      String standardizedKey,
      Instant completedAt) {}
}
