package org.gradphoto.payment.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.CollectionTerms;

/** The collections payment knows of, with their terms. */
public interface CollectionTermsRepository {

  /** The terms, or null if the collection is unknown. */
  Uni<CollectionTerms> find(UUID collectionId);

  /** Same, locked for the rest of the transaction (serialises pay requests per collection). */
  Uni<CollectionTerms> findForUpdate(UUID collectionId);

  /** Stores the terms unless the collection is known already; true if they were stored. */
  Uni<Boolean> addIfAbsent(CollectionTerms terms);

  /**
   * An unbinding took the collection from its account: nobody owns it, and the review that passed
   * (of the other person's photo) is forgotten.
   */
  Uni<Void> revoke(UUID collectionId, Instant at);

  /** Gives a revoked collection to the student now granted it; false unless it was revoked. */
  Uni<Boolean> continueRevoked(UUID collectionId, UUID studentId);

  /** Remembers a passed review, even if the collection's terms have not arrived yet. */
  Uni<Void> markReviewPassed(UUID collectionId, Instant passedAt);
}
