package org.gradphoto.delivery.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.delivery.application.port.in.RecordEligibilityUseCase;
import org.gradphoto.delivery.domain.Roster;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** identity-service's events: who each collection belongs to. */
@ApplicationScoped
class IdentityEventsConsumer {
  static final String CHANNEL = "identity-events";

  private final IdempotentConsumer consumer;
  private final RecordEligibilityUseCase eligibility;

  IdentityEventsConsumer(IdempotentConsumer consumer, RecordEligibilityUseCase eligibility) {
    this.consumer = consumer;
    this.eligibility = eligibility;
  }

  @Incoming(CHANNEL)
  Uni<Void> on(String message) {
    return consumer.consume(
        CHANNEL,
        message,
        EventHandlers.create()
            .on(
                EligibilityGranted.class,
                e -> {
                  EligibilityGranted p = e.payload();
                  return eligibility.record(
                      p.collectionId(),
                      new Roster(
                          p.studentId(),
                          p.batchId(),
                          p.batchName(),
                          p.schoolCode(),
                          p.schoolName(),
                          p.studentNumber(),
                          p.studentName(),
                          p.idType(),
                          p.idNumberMasked(),
                          p.idNumberSealed(),
                          p.specProfile()));
                })
            .on(BindingRevoked.class, e -> eligibility.revoked(e.payload().collectionId())));
  }
}
