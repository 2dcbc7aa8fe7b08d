package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code notification_consent}: one per student. */
@Entity
@Table(name = "notification_consent")
public class ConsentEntity extends PanacheEntityBase {
  @Id
  @Column(name = "student_id")
  public UUID studentId;

  /** The student's openid sealed with delivery's key (never plain at rest). */
  @Column(name = "open_id_sealed")
  public String openIdSealed;

  /**
   * The plain openid of consents recorded before openids were sealed; {@link LegacyOpenIds} seals
   * them at start and empties this column. Nothing writes it.
   */
  @Column(name = "open_id")
  public String legacyOpenId;

  public int available;

  public int accepted;

  public int declined;

  @Column(name = "decided_at")
  public Instant decidedAt;
}
