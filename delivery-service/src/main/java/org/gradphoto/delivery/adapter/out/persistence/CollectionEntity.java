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
import org.gradphoto.delivery.domain.CollectionStatus;

/** Row of {@code delivery_collection}; mapped to and from the domain by {@link Mapping}. */
@Entity
@Table(
    name = "delivery_collection",
    indexes = {
      @Index(name = "delivery_collection_student", columnList = "student_id"),
      @Index(name = "delivery_collection_batch", columnList = "school_code, batch_id")
    })
public class CollectionEntity extends PanacheEntityBase {
  @Id
  @Column(name = "collection_id")
  public UUID collectionId;

  @Column(name = "student_id")
  public UUID studentId;

  @Column(name = "batch_id")
  public UUID batchId;

  @Column(name = "batch_name")
  public String batchName;

  @Column(name = "school_code")
  public String schoolCode;

  @Column(name = "school_name")
  public String schoolName;

  @Column(name = "student_number")
  public String studentNumber;

  @Column(name = "student_name")
  public String studentName;

  @Column(name = "id_type")
  public String idType;

  @Column(name = "id_number_masked")
  public String idNumberMasked;

  @Column(name = "id_number_sealed", columnDefinition = "text")
  public String idNumberSealed;

  @Column(name = "spec_profile")
  public String specProfile;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CollectionStatus status;

  @Column(name = "standard_key")
  public String standardKey;

  @Column(name = "source_key", columnDefinition = "text")
  public String sourceKey;

  @Column(name = "sha256")
  public String sha256;

  @Column(name = "size_bytes")
  public Long sizeBytes;

  @Column(name = "width_px")
  public Integer widthPx;

  @Column(name = "height_px")
  public Integer heightPx;

  @Column(name = "dpi")
  public Integer dpi;

  /** {@code sheet=key} pairs separated by {@code ;}. */
  @Column(name = "layout_keys", columnDefinition = "text")
  public String layoutKeys;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(name = "delivered_package_id")
  public UUID deliveredPackageId;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
