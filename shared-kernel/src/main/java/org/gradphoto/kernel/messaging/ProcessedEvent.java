package org.gradphoto.kernel.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The log of events a consumer has applied: the key that makes redelivery harmless. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {
  @Id public String consumer;

  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "processed_at", nullable = false)
  public Instant processedAt;

  /** Composite key: one row per consumer and event. */
  public record Key(String consumer, UUID eventId) implements Serializable {}
}
