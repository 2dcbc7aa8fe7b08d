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
import org.gradphoto.review.domain.AuditEntry;

/** Row of {@code review_audit}, append-only; {@code seq} keeps entries of one instant in order. */
@Entity
@Table(
    name = "review_audit",
    indexes = {
      @Index(name = "review_audit_task", columnList = "task_id, seq"),
      @Index(name = "review_audit_collection", columnList = "collection_id, seq")
    })
public class AuditEntryEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "seq", columnDefinition = "bigserial", insertable = false, updatable = false)
  public Long seq;

  @Column(name = "task_id")
  public UUID taskId;

  @Column(name = "collection_id")
  public UUID collectionId;

  @Column(name = "school_code")
  public String schoolCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AuditEntry.Action action;

  @Column(name = "actor_id", nullable = false)
  public String actorId;

  @Column(name = "actor_name")
  public String actorName;

  @Column(columnDefinition = "text")
  public String reasons;

  @Column(columnDefinition = "text")
  public String note;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;
}
