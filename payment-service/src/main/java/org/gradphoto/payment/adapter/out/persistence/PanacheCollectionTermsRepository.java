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
                    e.studentId,
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
