package org.gradphoto.capture.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.domain.AttemptStatus;

/** An attempt row; findings and geometry are JSON text. */
@Entity
@Table(
    name = "capture_attempt",
    indexes = @Index(name = "capture_attempt_collection", columnList = "collection_id, created_at"),
    uniqueConstraints =
        @UniqueConstraint(
            name = "capture_attempt_client_key",
            columnNames = {"collection_id", "client_key"}))
class AttemptEntity {
  @Id UUID id;

  @Column(name = "collection_id", nullable = false)
  UUID collectionId;

  @Column(nullable = false)
  int number;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "client_key")
  String clientKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  AttemptStatus status;

  @Column(name = "original_key", nullable = false)
  String originalKey;

  @Column(name = "original_media_type", nullable = false)
  String originalMediaType;

  @Column(name = "original_bytes", nullable = false)
  long originalBytes;

  /** Null, like cutout_key, when the engine produced no photo (only findings). */
  @Column(name = "standardized_key")
  String standardizedKey;

  @Column(name = "cutout_key")
  String cutoutKey;

  @Column(name = "crop_x")
  Double cropX;

  @Column(name = "crop_y")
  Double cropY;

  @Column(name = "crop_width")
  Double cropWidth;

  @Column(name = "crop_height")
  Double cropHeight;

  @Column(name = "background_colour", nullable = false)
  String backgroundColour;

  @Column(columnDefinition = "text", nullable = false)
  String findings;

  @Column(columnDefinition = "text", nullable = false)
  String geometry;

  @Column(name = "rendered_at", nullable = false)
  Instant renderedAt;

  /** False until the repair sweep saw the objects written after the answer (V202612071503). */
  @Column(name = "objects_confirmed", nullable = false)
  boolean objectsConfirmed;

  @Column(name = "original_lost", nullable = false)
  boolean originalLost;
}
