package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gradphoto.delivery.application.port.out.CollectionRepository;
import org.gradphoto.delivery.domain.CollectionStatus;
import org.gradphoto.delivery.domain.PinnedPhoto;
import org.gradphoto.delivery.domain.Roster;
import org.gradphoto.delivery.domain.SheetSize;
import org.gradphoto.delivery.domain.StudentCollection;

@ApplicationScoped
class PanacheCollectionRepository
    implements CollectionRepository, PanacheRepositoryBase<CollectionEntity, UUID> {

  @Override
  public Uni<Optional<StudentCollection>> find(UUID collectionId) {
    return findById(collectionId).map(e -> Optional.ofNullable(e).map(this::toDomain));
  }

  @Override
  public Uni<Void> save(StudentCollection c) {
    return findById(c.collectionId())
        .chain(
            existing -> {
              CollectionEntity e = existing != null ? existing : new CollectionEntity();
              copy(c, e);
              return existing != null ? Uni.createFrom().voidItem() : persist(e).replaceWithVoid();
            });
  }

  @Override
  public Uni<List<StudentCollection>> ofStudent(UUID studentId) {
    return list("studentId", studentId).map(l -> l.stream().map(this::toDomain).toList());
  }

  @Override
  public Uni<List<StudentCollection>> ofBatch(String schoolCode, UUID batchId) {
    return list(
            "schoolCode = :school and batchId = :batch",
            Parameters.with("school", schoolCode).and("batch", batchId))
        .map(l -> l.stream().map(this::toDomain).toList());
  }

  @Override
  public Uni<Void> markDelivered(List<UUID> collectionIds, UUID packageId, Instant at) {
    if (collectionIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return update(
            "status = :delivered, deliveredPackageId = :pkg, deliveredAt = :at, updatedAt = :at"
                + " where collectionId in :ids and status in (:completed, :delivered)",
            Parameters.with("delivered", CollectionStatus.DELIVERED)
                .and("pkg", packageId)
                .and("at", at)
                .and("ids", collectionIds)
                .and("completed", CollectionStatus.COMPLETED))
        .replaceWithVoid();
  }

  private void copy(StudentCollection c, CollectionEntity e) {
    Roster r = c.roster();
    e.collectionId = c.collectionId();
    e.studentId = r.studentId();
    e.batchId = r.batchId();
    e.batchName = r.batchName();
    e.schoolCode = r.schoolCode();
    e.schoolName = r.schoolName();
    e.studentNumber = r.studentNumber();
    e.studentName = r.studentName();
    e.idType = r.idType();
    e.idNumberMasked = r.idNumberMasked();
    e.idNumberSealed = r.idNumberSealed();
    e.specProfile = r.specProfile();
    e.status = c.status();
    PinnedPhoto p = c.photo();
    e.standardKey = p == null ? null : p.standardKey();
    e.sourceKey = p == null ? null : p.sourceKey();
    e.sha256 = p == null ? null : p.sha256();
    e.sizeBytes = p == null ? null : p.sizeBytes();
    e.widthPx = p == null ? null : p.widthPx();
    e.heightPx = p == null ? null : p.heightPx();
    e.dpi = p == null ? null : p.dpi();
    e.layoutKeys =
        p == null
            ? null
            : p.layoutKeys().entrySet().stream()
                .map(x -> x.getKey().name() + "=" + x.getValue())
                .collect(Collectors.joining(";"));
    e.completedAt = c.completedAt();
    e.deliveredPackageId = c.deliveredPackageId();
    e.deliveredAt = c.deliveredAt();
    e.updatedAt = Instant.now();
  }

  private StudentCollection toDomain(CollectionEntity e) {
    PinnedPhoto photo = null;
    if (e.standardKey != null) {
      Map<SheetSize, String> keys = new EnumMap<>(SheetSize.class);
      if (e.layoutKeys != null && !e.layoutKeys.isEmpty()) {
        for (String pair : e.layoutKeys.split(";")) {
          String[] kv = pair.split("=", 2);
          keys.put(SheetSize.valueOf(kv[0]), kv[1]);
        }
      }
      photo =
          new PinnedPhoto(
              e.standardKey,
              e.sourceKey,
              e.sha256,
              e.sizeBytes == null ? 0 : e.sizeBytes,
              e.widthPx == null ? 0 : e.widthPx,
              e.heightPx == null ? 0 : e.heightPx,
              e.dpi == null ? 0 : e.dpi,
              keys);
    }
    return new StudentCollection(
        e.collectionId,
        new Roster(
            e.studentId,
            e.batchId,
            e.batchName,
            e.schoolCode,
            e.schoolName,
            e.studentNumber,
            e.studentName,
            e.idType,
            e.idNumberMasked,
            e.idNumberSealed,
            e.specProfile),
        e.status,
        photo,
        e.completedAt,
        e.deliveredPackageId,
        e.deliveredAt);
  }
}
