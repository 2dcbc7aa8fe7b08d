package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.delivery.application.port.out.PackageRepository;
import org.gradphoto.delivery.domain.PackageBuild;
import org.gradphoto.delivery.domain.PackageStatus;
import org.gradphoto.delivery.domain.SchoolPackage;

@ApplicationScoped
class PanachePackageRepository
    implements PackageRepository, PanacheRepositoryBase<PackageEntity, UUID> {
  private static final String CLAIM =
      "select package_id from delivery_package where status = 'REQUESTED'"
          + " or (status = 'BUILDING' and lease_until < :now)"
          + " order by requested_at limit 1 for update skip locked";

  @Override
  public Uni<Optional<SchoolPackage>> find(UUID packageId) {
    return findById(packageId).map(e -> Optional.ofNullable(e).map(this::toDomain));
  }

  @Override
  public Uni<Void> save(SchoolPackage p) {
    return findById(p.packageId())
        .chain(
            existing -> {
              PackageEntity e = existing != null ? existing : new PackageEntity();
              copy(p, e);
              return existing != null ? Uni.createFrom().voidItem() : persist(e).replaceWithVoid();
            });
  }

  private static void copy(SchoolPackage p, PackageEntity e) {
    e.packageId = p.packageId();
    e.schoolCode = p.schoolCode();
    e.batchId = p.batchId();
    e.naming = p.naming();
    e.status = p.status();
    e.requestedBy = p.requestedBy();
    e.requestedAt = p.requestedAt();
    e.objectKey = p.objectKey();
    e.fileName = p.fileName();
    e.photoCount = p.photoCount();
    e.missingCount = p.missingCount();
    e.sizeBytes = p.sizeBytes();
    e.sha256 = p.sha256();
    e.readyAt = p.readyAt();
    e.failure = p.failure();
    if (!p.status().isPending()) {
      e.leaseUntil = null;
      e.buildId = null;
    }
  }

  @Override
  public Uni<List<SchoolPackage>> ofBatch(String schoolCode, UUID batchId) {
    return list(
            "schoolCode = :school and batchId = :batch",
            Sort.by("requestedAt"),
            Parameters.with("school", schoolCode).and("batch", batchId))
        .map(l -> l.stream().map(this::toDomain).toList());
  }

  @Override
  public Uni<Optional<PackageBuild>> claimNext(Duration lease) {
    Instant now = Instant.now();
    // SKIP LOCKED: a package another replica is claiming right now is left to it.
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(CLAIM, UUID.class).setParameter("now", now).getResultList())
        .chain(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().item(Optional.<PackageBuild>empty())
                    : findById(ids.getFirst())
                        .map(
                            e -> {
                              e.status = PackageStatus.BUILDING;
                              e.leaseUntil = now.plus(lease);
                              e.buildId = UUID.randomUUID();
                              return Optional.of(new PackageBuild(toDomain(e), e.buildId));
                            }));
  }

  @Override
  public Uni<Boolean> renew(PackageBuild build, Duration lease) {
    return owned(build)
        .map(
            e -> {
              e.ifPresent(row -> row.leaseUntil = Instant.now().plus(lease));
              return e.isPresent();
            });
  }

  @Override
  public Uni<Boolean> settle(PackageBuild build, SchoolPackage outcome) {
    return owned(build)
        .map(
            e -> {
              e.ifPresent(row -> copy(outcome, row));
              return e.isPresent();
            });
  }

  /** The package's row, locked for this transaction, if it is still this build's. */
  private Uni<Optional<PackageEntity>> owned(PackageBuild build) {
    return findById(build.pkg().packageId(), LockModeType.PESSIMISTIC_WRITE)
        .map(
            e ->
                Optional.ofNullable(e)
                    .filter(
                        row ->
                            row.status == PackageStatus.BUILDING
                                && build.buildId().equals(row.buildId)));
  }

  private SchoolPackage toDomain(PackageEntity e) {
    return new SchoolPackage(
        e.packageId,
        e.schoolCode,
        e.batchId,
        e.naming,
        e.status,
        e.requestedBy,
        e.requestedAt,
        e.objectKey,
        e.fileName,
        e.photoCount,
        e.missingCount,
        e.sizeBytes,
        e.sha256,
        e.readyAt,
        e.failure);
  }
}
