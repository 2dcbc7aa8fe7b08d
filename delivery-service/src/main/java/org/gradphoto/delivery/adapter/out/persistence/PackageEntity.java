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
import org.gradphoto.delivery.domain.NamingConvention;
import org.gradphoto.delivery.domain.PackageStatus;

/** Row of {@code delivery_package}. */
@Entity
@Table(
    name = "delivery_package",
    indexes = {
      @Index(name = "delivery_package_batch", columnList = "school_code, batch_id"),
      @Index(name = "delivery_package_queue", columnList = "status, requested_at")
    })
public class PackageEntity extends PanacheEntityBase {
  @Id
  @Column(name = "package_id")
  public UUID packageId;

  @Column(name = "school_code", nullable = false)
  public String schoolCode;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public NamingConvention naming;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PackageStatus status;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Column(name = "object_key")
  public String objectKey;

  @Column(name = "file_name")
  public String fileName;

  @Column(name = "photo_count")
  public int photoCount;

  @Column(name = "missing_count")
  public int missingCount;

  @Column(name = "size_bytes")
  public long sizeBytes;

  @Column(name = "sha256")
  public String sha256;

  @Column(name = "ready_at")
  public Instant readyAt;

  @Column(name = "failure")
  public String failure;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  /** The build holding the lease; new for every claim. */
  @Column(name = "build_id")
  public UUID buildId;
}
