package org.gradphoto.kernel.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;

/**
 * The writing half of the transactional outbox: stores an event in the current database
 * transaction, so it commits or rolls back with the state change that caused it. {@link
 * OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

  /**
   * The same, for an adapter that writes with the reactive SQL client itself (bulk statements
   * Hibernate cannot express): the event row goes into {@code connection}, which must be inside its
   * transaction ({@code pool.withTransaction}), so it commits with the rows written there.
   */
  public Uni<Void> append(SqlConnection connection, EventEnvelope<?> envelope) {
    return connection
        .preparedQuery(
            "insert into outbox_event (event_id, topic, message_key, type, message, created_at,"
                + " attempts) values ($1, $2, $3, $4, $5, $6, 0)")
        .execute(
            Tuple.of(
                envelope.eventId(),
                envelope.topic(),
                envelope.aggregateId(),
                envelope.type(),
                EventJson.write(envelope),
                OffsetDateTime.now(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

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
