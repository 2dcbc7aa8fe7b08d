package org.gradphoto.capture.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.ReviewReason;

@ApplicationScoped
class PanacheCollectionRepository
    implements CollectionRepository, PanacheRepositoryBase<CollectionEntity, UUID> {

  @Override
  public Uni<Optional<CaptureCollection>> find(UUID collectionId) {
    return findById(collectionId).map(e -> Optional.ofNullable(e).map(this::toDomain));
  }

  @Override
  public Uni<List<CaptureCollection>> ofStudent(UUID studentId) {
    return find("studentId = ?1 and eligible = true order by id", studentId)
        .list()
        .map(list -> list.stream().map(this::toDomain).toList());
  }

  @Override
  public Uni<Void> save(CaptureCollection c) {
    return findById(c.id())
        .chain(
            found -> {
              CollectionEntity e = found != null ? found : new CollectionEntity();
              e.id = c.id();
              CaptureCollection.Terms t = c.terms();
              e.studentId = t.studentId();
              e.batchId = t.batchId();
              e.schoolCode = t.schoolCode();
              e.specProfile = t.specProfile();
              e.paymentPolicy = t.paymentPolicy();
              e.allowSubmitWithFindings = t.allowSubmitWithFindings();
              e.backgroundColours = Json.write(t.backgroundColours());
              e.uploadMinBytes = t.uploadMinBytes();
              e.uploadMaxBytes = t.uploadMaxBytes();
              e.windowClosesAt = t.windowClosesAt();
              e.shootingOpensAt = t.shootingOpensAt();
              e.eligible = c.eligible();
              e.paid = c.paid();
              e.state = c.state();
              e.submittedAttemptId = c.submittedAttemptId();
              e.reviewReasons = Json.write(c.reviewReasons());
              return found != null ? flush() : persist(e).replaceWithVoid();
            });
  }

  private CaptureCollection toDomain(CollectionEntity e) {
    CaptureCollection.Terms terms =
        new CaptureCollection.Terms(
            e.studentId,
            e.batchId,
            e.schoolCode,
            e.specProfile,
            e.paymentPolicy,
            e.allowSubmitWithFindings,
            Json.read(e.backgroundColours, new TypeReference<List<String>>() {}, List.of()),
            e.uploadMinBytes,
            e.uploadMaxBytes,
            e.windowClosesAt,
            e.shootingOpensAt);
    return CaptureCollection.restore(
        e.id,
        terms,
        e.eligible,
        e.paid,
        e.state,
        e.submittedAttemptId,
        Json.read(e.reviewReasons, new TypeReference<List<ReviewReason>>() {}, List.of()),
        e.version);
  }
}
