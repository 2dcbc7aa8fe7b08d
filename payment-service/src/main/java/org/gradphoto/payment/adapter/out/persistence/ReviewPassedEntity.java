package org.gradphoto.payment.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A passed review, kept apart from the terms: ReviewPassed and EligibilityGranted travel on
 * different topics, so either may arrive first.
 */
@Entity
@Table(name = "payment_review_passed")
public class ReviewPassedEntity extends PanacheEntityBase {
  @Id
  @Column(name = "collection_id")
  public UUID collectionId;

  @Column(name = "passed_at", nullable = false)
  public Instant passedAt;
}
