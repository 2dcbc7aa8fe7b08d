package org.gradphoto.capture.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureState;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.capture.domain.Finding;

@ApplicationScoped
class PanacheAttemptRepository
    implements AttemptRepository, PanacheRepositoryBase<AttemptEntity, UUID> {

  @Override
  public Uni<Optional<Attempt>> find(UUID attemptId) {
    return findById(attemptId)
        .map(e -> Optional.ofNullable(e).map(PanacheAttemptRepository::toDomain));
  }

  @Override
  public Uni<List<Attempt>> ofCollection(UUID collectionId) {
    return find("collectionId = ?1 order by createdAt, number", collectionId)
        .list()
        .map(list -> list.stream().map(PanacheAttemptRepository::toDomain).toList());
  }

  @Override
  public Uni<Integer> count(UUID collectionId) {
    return count("collectionId", collectionId).map(Long::intValue);
  }

  @Override
  public Uni<Optional<Attempt>> byClientKey(UUID collectionId, String clientKey) {
    return find("collectionId = ?1 and clientKey = ?2", collectionId, clientKey)
        .firstResult()
        .map(e -> Optional.ofNullable(e).map(PanacheAttemptRepository::toDomain));
  }

  @Override
  public Uni<List<Attempt>> abandonedWithPhoto(Instant renderedBefore, int limit) {
    return find(
            "standardizedKey is not null and status in ?1 and renderedAt < ?2 and collectionId in"
                + " (select c.id from CollectionEntity c where c.state in ?3"
                + " or c.windowClosesAt < ?2) order by renderedAt",
            List.of(AttemptStatus.READY, AttemptStatus.REJECTED),
            renderedBefore,
            List.of(CaptureState.PASSED, CaptureState.COMPLETED, CaptureState.DELIVERED))
        .range(0, limit - 1)
        .list()
        .map(list -> list.stream().map(PanacheAttemptRepository::toDomain).toList());
  }

  @Override
  public Uni<List<Attempt>> unconfirmed(Instant renderedBefore, int limit) {
    return find("objectsConfirmed = false and renderedAt < ?1 order by renderedAt", renderedBefore)
        .range(0, limit - 1)
        .list()
        .map(list -> list.stream().map(PanacheAttemptRepository::toDomain).toList());
  }

  @Override
  public Uni<Void> add(Attempt a) {
    AttemptEntity e = new AttemptEntity();
    copy(a, e);
    return persistAndFlush(e).replaceWithVoid();
  }

  @Override
  public Uni<Void> save(Attempt a) {
    return findById(a.id())
        .chain(
            found -> {
              AttemptEntity e = found != null ? found : new AttemptEntity();
              copy(a, e);
              return found != null ? flush() : persistAndFlush(e).replaceWithVoid();
            });
  }

  private static void copy(Attempt a, AttemptEntity e) {
    e.id = a.id();
    e.collectionId = a.collectionId();
    e.number = a.number();
    e.createdAt = a.createdAt();
    e.clientKey = a.clientKey();
    e.status = a.status();
    e.originalKey = a.original().key();
    e.originalMediaType = a.original().mediaType();
    e.originalBytes = a.original().bytes();
    Attempt.Rendering r = a.rendering();
    e.standardizedKey = r.standardizedKey();
    e.cutoutKey = r.cutoutKey();
    CropHint h = r.cropHint();
    e.cropX = h == null ? null : h.x();
    e.cropY = h == null ? null : h.y();
    e.cropWidth = h == null ? null : h.width();
    e.cropHeight = h == null ? null : h.height();
    e.backgroundColour = r.backgroundColour();
    e.findings = Json.write(r.findings());
    e.geometry = Json.write(r.geometry());
    e.renderedAt = r.renderedAt();
    e.objectsConfirmed = a.objectsConfirmed();
    e.originalLost = a.originalLost();
  }

  @Override
  public Uni<Void> delete(UUID attemptId) {
    return deleteById(attemptId).replaceWithVoid();
  }

  private static Attempt toDomain(AttemptEntity e) {
    CropHint hint =
        e.cropX == null ? null : new CropHint(e.cropX, e.cropY, e.cropWidth, e.cropHeight);
    return new Attempt(
        e.id,
        e.collectionId,
        e.number,
        e.createdAt,
        e.clientKey,
        new Attempt.Original(e.originalKey, e.originalMediaType, e.originalBytes),
        e.status,
        new Attempt.Rendering(
            e.standardizedKey,
            e.cutoutKey,
            hint,
            e.backgroundColour,
            Json.read(e.findings, new TypeReference<List<Finding>>() {}, List.of()),
            Json.read(e.geometry, new TypeReference<Map<String, Double>>() {}, Map.of()),
            e.renderedAt),
        e.objectsConfirmed,
        e.originalLost);
  }
}
