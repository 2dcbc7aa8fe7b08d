package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code review_roster_entry}: one roster line of a batch, for the progress counts. */
@Entity
@Table(
    name = "review_roster_entry",
    indexes = @Index(name = "review_roster_entry_batch", columnList = "school_code, batch_id"))
public class RosterEntryEntity extends PanacheEntityBase {
  @Id
  @Column(name = "roster_entry_id")
  public UUID rosterEntryId;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Column(name = "school_code", nullable = false)
  public String schoolCode;

  @Column(name = "student_number", nullable = false)
  public String studentNumber;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
