package org.gradphoto.capture.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.domain.CaptureState;

/** A collection row; lists are JSON text (read only through the mapper). */
@Entity
@Table(
    name = "capture_collection",
    indexes = @Index(name = "capture_collection_student", columnList = "student_id"))
class CollectionEntity {
  @Id UUID id;

  @Column(name = "student_id")
  UUID studentId;

  @Column(name = "batch_id")
  UUID batchId;

  @Column(name = "school_code")
  String schoolCode;

  @Column(name = "spec_profile")
  String specProfile;

  @Column(name = "payment_policy")
  String paymentPolicy;

  @Column(name = "allow_submit_with_findings", nullable = false)
  boolean allowSubmitWithFindings;

  @Column(name = "background_colours", columnDefinition = "text")
  String backgroundColours;

  @Column(name = "upload_min_bytes", nullable = false)
  long uploadMinBytes;

  @Column(name = "upload_max_bytes", nullable = false)
  long uploadMaxBytes;

  @Column(name = "window_closes_at")
  Instant windowClosesAt;

  /** Null for collections granted before the batch had a shooting start of its own. */
  @Column(name = "shooting_opens_at")
  Instant shootingOpensAt;

  @Column(nullable = false)
  boolean eligible;

  @Column(nullable = false)
  boolean paid;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  CaptureState state;

  @Column(name = "submitted_attempt_id")
  UUID submittedAttemptId;

  @Column(name = "review_reasons", columnDefinition = "text")
  String reviewReasons;

  @Version Long version;
}
