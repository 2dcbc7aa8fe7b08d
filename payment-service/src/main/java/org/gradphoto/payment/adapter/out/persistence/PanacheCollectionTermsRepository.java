package org.gradphoto.payment.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.application.port.out.CollectionTermsRepository;
import org.gradphoto.payment.domain.CollectionTerms;
import org.gradphoto.payment.domain.PaymentPolicy;

@ApplicationScoped
class PanacheCollectionTermsRepository implements CollectionTermsRepository {

  @Override
  public Uni<CollectionTerms> find(UUID collectionId) {
    return CollectionTermsEntity.<CollectionTermsEntity>findById(collectionId)
        .chain(e -> withReview(e));
  }

  @Override
  public Uni<CollectionTerms> findForUpdate(UUID collectionId) {
    return CollectionTermsEntity.<CollectionTermsEntity>findById(
            collectionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(e -> withReview(e));
  }

  private Uni<CollectionTerms> withReview(CollectionTermsEntity e) {
    if (e == null) {
      return Uni.createFrom().nullItem();
    }
    return ReviewPassedEntity.findById(e.collectionId)
        .map(
            passed ->
                new CollectionTerms(
                    e.collectionId,
                    e.revokedAt == null ? e.studentId : null,
                    e.batchId,
                    e.batchName,
                    e.schoolCode,
                    e.priceFen,
                    PaymentPolicy.parse(e.policy),
                    e.grantedAt,
                    passed != null));
  }

  @Override
  public Uni<Boolean> addIfAbsent(CollectionTerms terms) {
    return CollectionTermsEntity.findById(terms.collectionId())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().item(false);
              }
              CollectionTermsEntity e = new CollectionTermsEntity();
              e.collectionId = terms.collectionId();
              e.studentId = terms.studentId();
              e.batchId = terms.batchId();
              e.batchName = terms.batchName();
              e.schoolCode = terms.schoolCode();
              e.priceFen = terms.priceFen();
              e.policy = terms.policy().name();
              e.grantedAt = terms.grantedAt();
              return e.persist().replaceWith(true);
            });
  }

  @Override
  public Uni<Void> revoke(UUID collectionId, Instant at) {
    return CollectionTermsEntity.<CollectionTermsEntity>findById(
            collectionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            e -> {
              if (e == null) {
                return Uni.createFrom().voidItem();
              }
              e.revokedAt = at;
              // The review that passed was of the other person's photo.
              return ReviewPassedEntity.delete("collectionId", collectionId).replaceWithVoid();
            });
  }

  @Override
  public Uni<Boolean> continueRevoked(UUID collectionId, UUID studentId) {
    // One conditional update (the row is already in this session from addIfAbsent: a locking
    // re-read of it makes Hibernate Reactive name the field instead of the column).
    return CollectionTermsEntity.update(
            "studentId = ?1, revokedAt = null where collectionId = ?2 and revokedAt is not null",
            studentId,
            collectionId)
        .map(n -> n == 1);
  }

  @Override
  public Uni<Void> markReviewPassed(UUID collectionId, Instant passedAt) {
    return ReviewPassedEntity.findById(collectionId)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              ReviewPassedEntity e = new ReviewPassedEntity();
              e.collectionId = collectionId;
              e.passedAt = passedAt;
              return e.persist().replaceWithVoid();
            });
  }
}
