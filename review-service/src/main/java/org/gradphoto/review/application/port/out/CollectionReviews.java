package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.CollectionState;

/** Where the per-collection state is kept. Calls run in the caller's session and transaction. */
public interface CollectionReviews {
  Uni<Optional<CollectionReview>> find(UUID collectionId);

  /**
   * Loads and locks the collection until the transaction ends, creating it blank first if it does
   * not exist yet (events of one collection arrive concurrently on three topics).
   */
  Uni<CollectionReview> lockOrCreate(UUID collectionId);

  /** Loads and locks an existing collection until the transaction ends; empty if unknown. */
  Uni<Optional<CollectionReview>> lock(UUID collectionId);

  /** Writes back a collection obtained from {@link #lockOrCreate} or {@link #lock}. */
  Uni<Void> save(CollectionReview collection);

  /** Collections per batch and state (and how many wait for payment) for the given schools. */
  Uni<List<BatchCount>> countByBatch(Set<String> schools);

  record BatchCount(
      UUID batchId,
      String batchName,
      String schoolCode,
      CollectionState state,
      boolean awaitingPayment,
      long count) {}
}
