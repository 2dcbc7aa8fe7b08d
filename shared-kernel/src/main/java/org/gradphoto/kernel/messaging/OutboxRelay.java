package org.gradphoto.kernel.messaging;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The sending half of the transactional outbox. Claims a batch of committed, unsent events (a
 * lease, so several replicas never send the same rows at once), sends them in commit order with an
 * idempotent producer and marks the ones Kafka acknowledged. A crash between send and mark sends
 * again: delivery is at least once, and consumers drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final String CLAIM =
      """
      with next as (
        select event_id from outbox_event
        where published_at is null and (locked_until is null or locked_until < now())
        order by seq limit $1 for update skip locked)
      update outbox_event o set locked_until = now() + interval '30 seconds', attempts = o.attempts + 1
      from next where o.event_id = next.event_id
      returning o.event_id, o.seq, o.topic, o.message_key, o.type, o.message
      """;
  private static final String MARK_SENT =
      "update outbox_event set published_at = now(), locked_until = null where event_id = any($1)";
  private static final String PURGE =
      "delete from outbox_event where published_at < now() - interval '7 days'";

  private final Pool pool;
  private final String bootstrapServers;
  private final int batchSize;
  private volatile KafkaProducer<String, String> producer;

  OutboxRelay(
      Pool pool,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "gradphoto.outbox.batch-size", defaultValue = "200") int batchSize) {
    this.pool = pool;
    this.bootstrapServers = bootstrapServers;
    this.batchSize = batchSize;
  }

  @Scheduled(
      identity = "outbox-relay",
      every = "${gradphoto.outbox.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return relayOnce().replaceWithVoid();
  }

  @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m")
  Uni<Void> purge() {
    return pool.query(PURGE).execute().replaceWithVoid();
  }

  /** Sends what is pending now; returns how many events Kafka acknowledged. */
  public Uni<Integer> relayOnce() {
    return pool.withTransaction(c -> c.preparedQuery(CLAIM).execute(Tuple.of(batchSize)))
        .chain(
            rows -> {
              List<Row> claimed = new ArrayList<>();
              rows.forEach(claimed::add);
              if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
              }
              claimed.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
              return sendAll(claimed).chain(this::markSent);
            })
        .onFailure()
        .invoke(e -> Log.warnf("outbox relay round failed: %s", Redacted.describe(e)))
        .onFailure()
        .recoverWithItem(0);
  }

  private Uni<List<UUID>> sendAll(List<Row> claimed) {
    // Sends are issued in seq order from one thread so the producer keeps them in order per key.
    return Uni.createFrom()
        .completionStage(
            () -> {
              List<CompletableFuture<UUID>> sends = claimed.stream().map(this::send).toList();
              return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                  .handle(
                      (ignored, error) ->
                          sends.stream()
                              .filter(f -> !f.isCompletedExceptionally())
                              .map(CompletableFuture::join)
                              .toList());
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private CompletableFuture<UUID> send(Row row) {
    UUID eventId = row.getUUID("event_id");
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            row.getString("topic"), row.getString("message_key"), row.getString("message"));
    record.headers().add("eventId", eventId.toString().getBytes(StandardCharsets.UTF_8));
    record.headers().add("type", row.getString("type").getBytes(StandardCharsets.UTF_8));
    CompletableFuture<UUID> done = new CompletableFuture<>();
    producer()
        .send(
            record,
            (metadata, error) -> {
              if (error == null) {
                done.complete(eventId);
              } else {
                Log.warnf("event %s not sent, will retry: %s", eventId, Redacted.describe(error));
                done.completeExceptionally(error);
              }
            });
    return done;
  }

  private Uni<Integer> markSent(List<UUID> sent) {
    if (sent.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return pool.preparedQuery(MARK_SENT)
        .execute(Tuple.of(sent.toArray(UUID[]::new)))
        .replaceWith(sent.size());
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      synchronized (this) {
        if (producer == null) {
          Properties p = new Properties();
          p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
          p.put(ProducerConfig.ACKS_CONFIG, "all");
          p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
          p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
          p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
          p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
          p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
          p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
          producer = new KafkaProducer<>(p);
        }
      }
    }
    return producer;
  }

  @PreDestroy
  void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
