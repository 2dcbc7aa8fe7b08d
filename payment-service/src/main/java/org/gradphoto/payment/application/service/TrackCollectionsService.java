package org.gradphoto.payment.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.value.Ids;
import org.gradphoto.payment.application.port.in.TrackCollectionsUseCase;
import org.gradphoto.payment.application.port.out.CollectionTermsRepository;
import org.gradphoto.payment.application.port.out.EventPublisher;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.domain.CollectionTerms;
import org.gradphoto.payment.domain.Order;

@ApplicationScoped
class TrackCollectionsService implements TrackCollectionsUseCase {
  private final UnitOfWork unitOfWork;
  private final CollectionTermsRepository collections;
  private final OrderRepository orders;
  private final EventPublisher events;

  TrackCollectionsService(
      UnitOfWork unitOfWork,
      CollectionTermsRepository collections,
      OrderRepository orders,
      EventPublisher events) {
    this.unitOfWork = unitOfWork;
    this.collections = collections;
    this.orders = orders;
    this.events = events;
  }

  @Override
  public Uni<Void> collectionOpened(NewCollection c) {
    CollectionTerms terms =
        new CollectionTerms(
            c.collectionId(),
            c.studentId(),
            c.batchId(),
            c.batchName(),
            c.schoolCode(),
            c.priceFen(),
            c.policy(),
            c.grantedAt(),
            false);
    return unitOfWork.inTransaction(
        () ->
            collections
                .addIfAbsent(terms)
                .chain(
                    added -> {
                      if (!added) {
                        return collections
                            .continueRevoked(c.collectionId(), c.studentId())
                            .replaceWithVoid();
                      }
                      return terms.isFree() ? settleFree(terms) : Uni.createFrom().voidItem();
                    }));
  }

  @Override
  public Uni<Void> bindingRevoked(UUID collectionId, Instant at) {
    return unitOfWork.inTransaction(() -> collections.revoke(collectionId, at));
  }

  /** A free batch is paid from the start, so capture and completion never wait for money. */
  private Uni<Void> settleFree(CollectionTerms terms) {
    Order order = Order.settledFree(Ids.newId(), terms, Instant.now());
    return orders.save(order).chain(() -> events.paymentConfirmed(order));
  }

  @Override
  public Uni<Void> reviewPassed(UUID collectionId, Instant passedAt) {
    return unitOfWork.inTransaction(() -> collections.markReviewPassed(collectionId, passedAt));
  }
}
