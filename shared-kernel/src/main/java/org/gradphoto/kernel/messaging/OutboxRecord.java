package org.gradphoto.kernel.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the service's own database to be relayed to Kafka. Written in the same
 * transaction as the state change it describes; {@code seq} keeps the relay in commit order.
 */
@Entity
@Table(
    name = "outbox_event",
    indexes = @Index(name = "outbox_event_pending", columnList = "published_at, seq"))
public class OutboxRecord {
  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "seq", columnDefinition = "bigserial", insertable = false, updatable = false)
  public Long seq;

  @Column(nullable = false)
  public String topic;

  @Column(name = "message_key")
  public String messageKey;

  @Column(nullable = false)
  public String type;

  @Column(nullable = false, columnDefinition = "text")
  public String message;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "locked_until")
  public Instant lockedUntil;

  @Column(nullable = false)
  public int attempts;
}
