package org.gradphoto.kernel.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;

/**
 * The writing half of the transactional outbox: stores an event in the current database
 * transaction, so it commits or rolls back with the state change that caused it. {@link
 * OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

  /** Fails unless called inside a transaction: an event outside one would be a dual write. */
  public Uni<Void> append(EventEnvelope<?> envelope) {
    return Panache.getSession()
        .chain(
            session -> {
              if (session.currentTransaction() == null) {
                return Uni.createFrom()
                    .failure(
                        new IllegalStateException(
                            "Outbox.append must run inside a transaction (Panache.withTransaction)"));
              }
              OutboxRecord record = new OutboxRecord();
              record.eventId = envelope.eventId();
              record.topic = envelope.topic();
              record.messageKey = envelope.aggregateId();
              record.type = envelope.type();
              record.message = EventJson.write(envelope);
              record.createdAt = Instant.now();
              return session.persist(record);
            });
  }
}
