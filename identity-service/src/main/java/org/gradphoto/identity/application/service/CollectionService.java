package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.CollectionProgressUseCase;
import org.gradphoto.identity.application.port.in.CollectionsQuery;
import org.gradphoto.identity.application.port.out.CollectionRepository;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.identity.domain.IdentityRefusal;

@ApplicationScoped
class CollectionService implements CollectionsQuery, CollectionProgressUseCase {
  private final CollectionRepository collections;

  CollectionService(CollectionRepository collections) {
    this.collections = collections;
  }

  @Override
  public Uni<List<CollectionView>> mine(UUID studentId) {
    return collections.ofStudent(studentId);
  }

  @Override
  public Uni<CollectionView> mine(UUID studentId, UUID collectionId) {
    return collections
        .one(studentId, collectionId)
        .map(
            c ->
                c.orElseThrow(
                    () -> new IdentityRefusal(IdentityRefusal.Reason.COLLECTION_NOT_FOUND)));
  }

  @Override
  public Uni<Void> advance(
      UUID collectionId, CollectionStatus next, Instant at, List<Reason> rejectionReasons) {
    return collections
        .progress(collectionId)
        .chain(
            current -> {
              // An event about a collection this service never granted changes nothing here.
              if (current.isEmpty()
                  || !current.get().status().accepts(next, at, current.get().since())) {
                return Uni.createFrom().voidItem();
              }
              List<Reason> reasons =
                  next == CollectionStatus.REJECTED ? List.copyOf(rejectionReasons) : List.of();
              return collections.setStatus(collectionId, next, at, reasons);
            });
  }

  @Override
  public Uni<Void> paymentChanged(UUID collectionId, boolean paid, Instant at) {
    return collections.setPaid(collectionId, paid, at);
  }
}
