package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.CollectionState;
import org.gradphoto.review.domain.Comparison;
import org.gradphoto.review.domain.Roster;

@ApplicationScoped
class PanacheCollectionReviews implements CollectionReviews {
  private static final String CREATE_IF_ABSENT =
      "insert into collection_review (collection_id, roster_known, state, awaiting_payment)"
          + " values (:id, false, :state, false) on conflict do nothing";

  @Override
  public Uni<Optional<CollectionReview>> find(UUID collectionId) {
    return CollectionReviewEntity.<CollectionReviewEntity>findById(collectionId)
        .map(e -> Optional.ofNullable(e).map(PanacheCollectionReviews::toDomain));
  }

  @Override
  public Uni<CollectionReview> lockOrCreate(UUID collectionId) {
    // Insert-if-absent waits for a concurrent insert of the same id to commit, so every caller
    // then locks the one row and sees what the others wrote (no lost update of the roster).
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CREATE_IF_ABSENT)
                    .setParameter("id", collectionId)
                    .setParameter("state", CollectionState.AWAITING_PHOTO.name())
                    .executeUpdate())
        .chain(
            () ->
                CollectionReviewEntity.<CollectionReviewEntity>findById(
                    collectionId, LockModeType.PESSIMISTIC_WRITE))
        .map(PanacheCollectionReviews::toDomain);
  }

  @Override
  public Uni<Optional<CollectionReview>> lock(UUID collectionId) {
    return CollectionReviewEntity.<CollectionReviewEntity>findById(
            collectionId, LockModeType.PESSIMISTIC_WRITE)
        .map(e -> Optional.ofNullable(e).map(PanacheCollectionReviews::toDomain));
  }

  @Override
  public Uni<Void> save(CollectionReview c) {
    // Every caller got the collection from lockOrCreate: the row exists and is in the session.
    return CollectionReviewEntity.<CollectionReviewEntity>findById(c.collectionId())
        .chain(
            found -> {
              if (found == null) {
                return Uni.createFrom()
                    .failure(new IllegalStateException("save of a collection that was not locked"));
              }
              copy(c, found);
              return Panache.flush();
            });
  }

  @Override
  public Uni<List<BatchCount>> countByBatch(Set<String> schools) {
    String hql =
        "select c.batchId, max(c.batchName), max(c.schoolCode), c.state, c.awaitingPayment,"
            + " count(c) from CollectionReviewEntity c where c.batchId is not null"
            + (schools == null ? "" : " and c.schoolCode in :schools")
            + " group by c.batchId, c.state, c.awaitingPayment";
    return BatchRows.select(hql, schools, Map.of())
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new BatchCount(
                                (UUID) r[0],
                                (String) r[1],
                                (String) r[2],
                                (CollectionState) r[3],
                                (Boolean) r[4],
                                PanacheReviewTasks.number(r[5])))
                    .toList());
  }

  private static void copy(CollectionReview c, CollectionReviewEntity e) {
    e.collectionId = c.collectionId();
    e.batchId = c.batchId();
    e.schoolCode = c.schoolCode();
    Roster r = c.roster();
    e.rosterKnown = r != null;
    if (r != null) {
      e.studentId = r.studentId();
      e.batchName = r.batchName();
      e.schoolName = r.schoolName();
      e.rosterEntryId = r.rosterEntryId();
      e.studentNumber = r.studentNumber();
      e.studentName = r.studentName();
      e.idNumberMasked = r.idNumberMasked();
      e.degreeLevel = r.degreeLevel();
      e.paymentPolicy = r.paymentPolicy();
      e.reviewPromise = r.reviewPromise();
      e.specProfile = r.specProfile();
      e.grantedAt = r.grantedAt();
    }
    e.paidAt = c.paidAt();
    e.orderId = c.orderId();
    e.state = c.state();
    e.awaitingPayment = c.awaitingPayment();
    e.currentTaskId = c.currentTaskId();
    e.passedTaskId = c.passedTaskId();
    e.comparisonMatched = c.comparison() == null ? null : c.comparison().matched();
    e.comparisonNote = c.comparison() == null ? null : c.comparison().note();
    e.completedAt = c.completedAt();
  }

  private static CollectionReview toDomain(CollectionReviewEntity e) {
    Roster roster =
        e.rosterKnown
            ? new Roster(
                e.studentId,
                e.batchId,
                e.batchName,
                e.schoolCode,
                e.schoolName,
                e.rosterEntryId,
                e.studentNumber,
                e.studentName,
                e.idNumberMasked,
                e.degreeLevel,
                e.paymentPolicy,
                e.reviewPromise,
                e.specProfile,
                e.grantedAt)
            : null;
    return new CollectionReview(
        e.collectionId,
        e.batchId,
        e.schoolCode,
        roster,
        e.paidAt,
        e.orderId,
        e.state,
        e.currentTaskId,
        e.passedTaskId,
        e.comparisonMatched == null ? null : new Comparison(e.comparisonMatched, e.comparisonNote),
        e.completedAt);
  }
}
