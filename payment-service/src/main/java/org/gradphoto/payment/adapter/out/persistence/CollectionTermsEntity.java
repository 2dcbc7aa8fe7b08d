package org.gradphoto.payment.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A collection's payment terms as EligibilityGranted carried them. */
@Entity
@Table(name = "payment_collection")
public class CollectionTermsEntity extends PanacheEntityBase {
  @Id
  @Column(name = "collection_id")
  public UUID collectionId;

  @Column(name = "student_id", nullable = false)
  public UUID studentId;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Column(name = "batch_name")
  public String batchName;

  @Column(name = "school_code", nullable = false)
  public String schoolCode;

  @Column(name = "price_fen", nullable = false)
  public long priceFen;

  @Column(nullable = false)
  public String policy;

  @Column(name = "granted_at", nullable = false)
  public Instant grantedAt;

  /** Set while an unbinding has taken the collection from {@link #studentId}'s account. */
  @Column(name = "revoked_at")
  public Instant revokedAt;
}
