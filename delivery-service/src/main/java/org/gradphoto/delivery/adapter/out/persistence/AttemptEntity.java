package org.gradphoto.delivery.adapter.out.persistence;

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
import org.gradphoto.delivery.domain.NotificationKind;
import org.gradphoto.delivery.domain.NotificationOutcome;

/** Row of {@code notification_attempt}: every try to tell a student something. */
@Entity
@Table(
    name = "notification_attempt",
    indexes = @Index(name = "notification_attempt_collection", columnList = "collection_id"))
public class AttemptEntity extends PanacheEntityBase {
  @Id
  @Column(name = "attempt_id")
  public UUID attemptId;

  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "collection_id", nullable = false)
  public UUID collectionId;

  @Column(name = "student_id")
  public UUID studentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NotificationKind kind;

  @Column(nullable = false)
  public String channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NotificationOutcome outcome;

  @Column(columnDefinition = "text")
  public String detail;

  @Column(name = "attempted_at", nullable = false)
  public Instant attemptedAt;
}
