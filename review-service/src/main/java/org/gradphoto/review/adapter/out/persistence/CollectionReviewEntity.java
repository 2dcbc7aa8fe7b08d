package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.review.domain.CollectionState;

/**
 * Row of {@code collection_review}: what review-service knows of one collection. The roster columns
 * hold personal data (name, student number) for the reviewers' screen.
 */
@Entity
@Table(
    name = "collection_review",
    indexes = @Index(name = "collection_review_batch", columnList = "school_code, batch_id"))
public class CollectionReviewEntity extends PanacheEntityBase {
  @Id
  @Column(name = "collection_id")
  public UUID collectionId;

  @Column(name = "batch_id")
  public UUID batchId;

  @Column(name = "school_code")
  public String schoolCode;

  @Column(name = "roster_known", nullable = false)
  public boolean rosterKnown;

  @Column(name = "student_id")
  public UUID studentId;

  @Column(name = "batch_name")
  public String batchName;

  @Column(name = "school_name")
  public String schoolName;

  @Column(name = "roster_entry_id")
  public UUID rosterEntryId;

  @Column(name = "student_number")
  public String studentNumber;

  @Column(name = "student_name")
  public String studentName;

  @Column(name = "id_number_masked")
  public String idNumberMasked;

  @Column(name = "degree_level")
  public String degreeLevel;

  @Column(name = "payment_policy")
  public String paymentPolicy;

  @Column(name = "review_promise")
  public String reviewPromise;

  @Column(name = "spec_profile")
  public String specProfile;

  @Column(name = "granted_at")
  public Instant grantedAt;

  @Column(name = "paid_at")
  public Instant paidAt;

  @Column(name = "order_id")
  public UUID orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CollectionState state;

  /** Derived, kept for the progress counts: passed, pay-after-review and not paid yet. */
  @Column(name = "awaiting_payment", nullable = false)
  public boolean awaitingPayment;

  @Column(name = "current_task_id")
  public UUID currentTaskId;

  @Column(name = "passed_task_id")
  public UUID passedTaskId;

  @Column(name = "comparison_matched")
  public Boolean comparisonMatched;

  @Column(name = "comparison_note")
  public String comparisonNote;

  @Column(name = "completed_at")
  public Instant completedAt;
}
