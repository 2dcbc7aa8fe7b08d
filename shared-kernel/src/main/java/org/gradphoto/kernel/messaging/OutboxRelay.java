package org.gradphoto.kernel.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The sending half of the transactional outbox. Sends committed events in commit order with an
 * idempotent producer and marks the ones Kafka acknowledged. A crash between send and mark sends
 * again: delivery is at least once, and consumers drop duplicates by event id.
 *
 * <p>Order per key (the aggregate) holds across replicas and failures: a round claims whole keys,
 * and only keys whose earliest unsent row is free (not leased by another replica, not waiting after
 * a failed send, not given up). The claim locks that earliest row ({@code for update skip locked}),
 * so two replicas never hold the same key. Within a key, each row is sent only after Kafka
 * acknowledged the one before; the first failure ends the key's round and the rows after it wait. A
 * row that failed {@code gradphoto.outbox.max-attempts} times stops its key: it is counted by the
 * gauge {@code gradphoto.outbox.stuck} and logged (event id, type and topic only) until an operator
 * repairs it.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final String KEY = "coalesce(%1$s.message_key, %1$s.event_id::text)";
  private static final String CLAIM =
      """
      with heads as (
        select h.event_id, %1$s as k from outbox_event h
        where h.published_at is null
          and (h.locked_until is null or h.locked_until < now())
          and h.attempts < $2
          and not exists (
            select 1 from outbox_event e
            where e.published_at is null and %2$s = %1$s and e.seq < h.seq)
        order by h.seq limit $1
        for update of h skip locked),
      claimed as (
        update outbox_event o set locked_until = now() + interval '30 seconds'
        from heads where %3$s = heads.k and o.published_at is null
        returning o.event_id, o.seq, o.topic, o.message_key, o.type, o.message, heads.k as k)
      select * from claimed
      """
          .formatted(KEY.formatted("h"), KEY.formatted("e"), KEY.formatted("o"));
  private static final String MARK_SENT =
      "update outbox_event set published_at = now(), locked_until = null where event_id = any($1)";
  private static final String MARK_FAILED =
      "update outbox_event set attempts = attempts + 1, locked_until = now() + $2 * interval '1"
          + " millisecond' where event_id = any($1) returning event_id, type, topic, attempts";
  private static final String RELEASE =
      "update outbox_event set locked_until = null where event_id = any($1)";
  private static final String STUCK =
      "select count(*) from outbox_event where published_at is null and attempts >= $1";
  private static final String PURGE =
      "delete from outbox_event where published_at < now() - interval '7 days'";

  private final Pool pool;
  private final Map<String, Object> kafka;
  private final int batchSize;
  private final int maxAttempts;
  private volatile boolean stopping;
  private final Duration retryAfter;
  private final AtomicLong stuck = new AtomicLong();
  private volatile KafkaProducer<String, String> producer;

  OutboxRelay(
      Pool pool,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "gradphoto.outbox.batch-size", defaultValue = "200") int batchSize,
      @ConfigProperty(name = "gradphoto.outbox.max-attempts", defaultValue = "20") int maxAttempts,
      @ConfigProperty(name = "gradphoto.outbox.retry-after", defaultValue = "PT30S")
          Duration retryAfter,
      MeterRegistry metrics) {
    this.pool = pool;
    this.kafka = kafka;
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.retryAfter = retryAfter;
    Gauge.builder("gradphoto.outbox.stuck", stuck, AtomicLong::get)
        .description("unsent outbox rows that failed gradphoto.outbox.max-attempts times")
        .register(metrics);
  }

  @Scheduled(
      identity = "outbox-relay",
      every = "${gradphoto.outbox.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return stopping ? Uni.createFrom().voidItem() : relayOnce().replaceWithVoid();
  }

  /**
   * Once the service is stopping, its database pool closes under the scheduler, which still fires
   * for a few seconds: those rounds could only fail ("Pool closed") and fill the log with warnings
   * an operator would chase. Unsent rows are taken by the next start, or by another replica.
   */
  void stopping(@Observes ShutdownEvent event) {
    stopping = true;
  }

  @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m")
  Uni<Void> purge() {
    if (stopping) {
      return Uni.createFrom().voidItem();
    }
    return pool.query(PURGE).execute().replaceWithVoid();
  }

  @Scheduled(identity = "outbox-stuck", every = "${gradphoto.outbox.stuck-check:30s}")
  Uni<Void> checkStuck() {
    return stopping ? Uni.createFrom().voidItem() : countStuck().replaceWithVoid();
  }

  /** Counts (and publishes as the gauge) the rows that reached the attempt cap. */
  public Uni<Long> countStuck() {
    return pool.preparedQuery(STUCK)
        .execute(Tuple.of(maxAttempts))
        .map(rows -> rows.iterator().next().getLong(0))
        .invoke(stuck::set);
  }

  /** Sends what is pending now; returns how many events Kafka acknowledged. */
  public Uni<Integer> relayOnce() {
    return pool.withTransaction(
            c -> c.preparedQuery(CLAIM).execute(Tuple.of(batchSize, maxAttempts)))
        .chain(
            rows -> {
              Map<String, List<Row>> byKey = new LinkedHashMap<>();
              List<Row> claimed = new ArrayList<>();
              rows.forEach(claimed::add);
              if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
              }
              claimed.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
              claimed.forEach(
                  r -> byKey.computeIfAbsent(r.getString("k"), k -> new ArrayList<>()).add(r));
              return sendAll(byKey.values()).chain(this::record);
            })
        .onFailure()
        .invoke(e -> Log.warnf("outbox relay round failed: %s", Redacted.describe(e)))
        .onFailure()
        .recoverWithItem(0);
  }

  /** What happened to a claimed batch: sent, failed (at most one per key), never tried. */
  private record Round(List<UUID> sent, List<UUID> failed, List<UUID> untried) {}

  private Uni<Round> sendAll(Iterable<List<Row>> keys) {
    return Uni.createFrom()
        .completionStage(
            () -> {
              Round round =
                  new Round(
                      new CopyOnWriteArrayList<>(),
                      new CopyOnWriteArrayList<>(),
                      new CopyOnWriteArrayList<>());
              List<CompletableFuture<Void>> chains = new ArrayList<>();
              for (List<Row> rows : keys) {
                chains.add(sendInOrder(rows, 0, round));
              }
              return CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
                  .thenApply(ignored -> round);
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /** Sends rows[i], and only once Kafka acknowledged it, rows[i + 1]. */
  private CompletableFuture<Void> sendInOrder(List<Row> rows, int i, Round round) {
    if (i == rows.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return send(rows.get(i))
        .handle(
            (id, error) -> {
              if (error == null) {
                round.sent().add(id);
                return sendInOrder(rows, i + 1, round);
              }
              round.failed().add(rows.get(i).getUUID("event_id"));
              rows.subList(i + 1, rows.size())
                  .forEach(r -> round.untried().add(r.getUUID("event_id")));
              return CompletableFuture.<Void>completedFuture(null);
            })
        .thenCompose(next -> next);
  }

  private CompletableFuture<UUID> send(Row row) {
    UUID eventId = row.getUUID("event_id");
    CompletableFuture<UUID> done = new CompletableFuture<>();
    try {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(
              row.getString("topic"), row.getString("message_key"), row.getString("message"));
      record.headers().add("eventId", eventId.toString().getBytes(StandardCharsets.UTF_8));
      record.headers().add("type", row.getString("type").getBytes(StandardCharsets.UTF_8));
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
    } catch (RuntimeException e) {
      // send() itself throws for some client-side refusals (e.g. a record over max.request.size)
      Log.warnf("event %s not sent, will retry: %s", eventId, Redacted.describe(e));
      done.completeExceptionally(e);
    }
    return done;
  }

  private Uni<Integer> record(Round round) {
    Uni<Void> sent =
        round.sent().isEmpty()
            ? Uni.createFrom().voidItem()
            : pool.preparedQuery(MARK_SENT)
                .execute(Tuple.of(round.sent().toArray(UUID[]::new)))
                .replaceWithVoid();
    Uni<Void> failed =
        round.failed().isEmpty()
            ? Uni.createFrom().voidItem()
            : pool.preparedQuery(MARK_FAILED)
                .execute(Tuple.of(round.failed().toArray(UUID[]::new), retryAfter.toMillis()))
                .invoke(
                    rows ->
                        rows.forEach(
                            r -> {
                              if (r.getInteger("attempts") >= maxAttempts) {
                                Log.errorf(
                                    "outbox event %s (%s to %s) failed %d times and stops its"
                                        + " key; repair or delete the row",
                                    r.getUUID("event_id"),
                                    r.getString("type"),
                                    r.getString("topic"),
                                    r.getInteger("attempts"));
                              }
                            }))
                .replaceWithVoid();
    Uni<Void> untried =
        round.untried().isEmpty()
            ? Uni.createFrom().voidItem()
            : pool.preparedQuery(RELEASE)
                .execute(Tuple.of(round.untried().toArray(UUID[]::new)))
                .replaceWithVoid();
    return sent.chain(() -> failed).chain(() -> untried).replaceWith(round.sent().size());
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      synchronized (this) {
        if (producer == null) {
          Properties p = producerProperties(kafka);
          producer = new KafkaProducer<>(p);
        }
      }
    }
    return producer;
  }

  /**
   * The service's own Kafka settings (see {@link KafkaClientSettings}), then what the relay's
   * guarantees need, which a setting cannot weaken.
   */
  static Properties producerProperties(Map<String, Object> kafka) {
    Properties p = KafkaClientSettings.producer(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return p;
  }

  @PreDestroy
  void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
