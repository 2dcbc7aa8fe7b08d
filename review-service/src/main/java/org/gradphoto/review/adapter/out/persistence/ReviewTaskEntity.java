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
import org.gradphoto.review.domain.Outcome;
import org.gradphoto.review.domain.TaskStatus;

/** Row of {@code review_task}: one submitted photo, its claim and its decision. */
@Entity
@Table(
    name = "review_task",
    indexes = {
      @Index(name = "review_task_queue", columnList = "status, due_at"),
      @Index(name = "review_task_collection", columnList = "collection_id")
    })
public class ReviewTaskEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "collection_id", nullable = false)
  public UUID collectionId;

  @Column(name = "attempt_id", nullable = false)
  public UUID attemptId;

  @Column(name = "student_id")
  public UUID studentId;

  @Column(name = "batch_id")
  public UUID batchId;

  @Column(name = "school_code")
  public String schoolCode;

  @Column(name = "spec_profile")
  public String specProfile;

  @Column(name = "standardized_key")
  public String standardizedKey;

  @Column(name = "original_key")
  public String originalKey;

  @Column(name = "cutout_key")
  public String cutoutKey;

  @Column(name = "background_colour")
  public String backgroundColour;

  @Column(columnDefinition = "text")
  public String findings;

  @Column(columnDefinition = "text")
  public String geometry;

  @Column(nullable = false)
  public boolean flagged;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "due_at", nullable = false)
  public Instant dueAt;

  @Column(name = "promise_known", nullable = false)
  public boolean promiseKnown;

  @Column(name = "correlation_id")
  public String correlationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskStatus status;

  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "claimed_by_name")
  public String claimedByName;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Enumerated(EnumType.STRING)
  public Outcome outcome;

  @Column(columnDefinition = "text")
  public String reasons;

  @Column(columnDefinition = "text")
  public String note;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_by_name")
  public String decidedByName;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "reopen_count", nullable = false)
  public int reopenCount;
}
