package org.gradphoto.delivery.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.delivery.application.port.in.RecordEligibilityUseCase;
import org.gradphoto.delivery.application.port.in.RecordRosterUseCase;
import org.gradphoto.delivery.domain.Roster;
import org.gradphoto.delivery.domain.RosterLine;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** identity-service's events: who each collection belongs to, and who is on each roster. */
@ApplicationScoped
class IdentityEventsConsumer {
  static final String CHANNEL = "identity-events";

  private final IdempotentConsumer.Channel channel;

  IdentityEventsConsumer(
      IdempotentConsumer consumer,
      RecordEligibilityUseCase eligibility,
      RecordRosterUseCase roster) {
    this.channel =
        consumer.channel(
            CHANNEL,
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
                .on(BindingRevoked.class, e -> eligibility.revoked(e.payload().collectionId()))
                .on(
                    RosterEntriesChanged.class,
                    e -> {
                      RosterEntriesChanged p = e.payload();
                      return roster.rosterChanged(
                          p.entries().stream()
                              .map(
                                  x ->
                                      new RosterLine(
                                          x.rosterEntryId(),
                                          p.batchId(),
                                          p.schoolCode(),
                                          x.studentNumber(),
                                          x.studentName(),
                                          x.idNumberMasked()))
                              .toList());
                    }));
  }

  @Incoming(CHANNEL)
  Uni<Void> on(String message) {
    return channel.consume(message);
  }
}
