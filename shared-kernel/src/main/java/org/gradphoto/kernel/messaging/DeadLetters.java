package org.gradphoto.kernel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.gradphoto.kernel.error.Failures;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * The service's dead-letter topic as an operator sees it: every parked message with what it was
 * (event id, type, key, where it came from, the failure's exception class), whether the event has
 * since been applied, and a replay that applies the message through the channel's own handlers in
 * this service (never by writing it to another service's topic). An event applied already is
 * skipped, so a replay can only complete what failed. Message bodies and failure messages are never
 * shown: they carry personal data.
 */
@ApplicationScoped
public class DeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESSED =
      "select event_id from processed_event where event_id = any($1)";

  /** One parked message, found at (topic, partition, offset) of a dead-letter topic. */
  public record Entry(
      String topic,
      int partition,
      long offset,
      Instant parkedAt,
      String key,
      UUID eventId,
      String type,
      String fromTopic,
      String channel,
      String failure,
      boolean applied) {

    Entry withApplied(boolean now) {
      return new Entry(
          topic, partition, offset, parkedAt, key, eventId, type, fromTopic, channel, failure, now);
    }
  }

  private final Config config;
  private final Pool pool;
  private final Map<String, Object> kafka;
  private final MeterRegistry metrics;
  private final IdempotentConsumer consumer;

  DeadLetters(
      Config config,
      Pool pool,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      MeterRegistry metrics,
      IdempotentConsumer consumer) {
    this.config = config;
    this.pool = pool;
    this.kafka = kafka;
    this.metrics = metrics;
    this.consumer = consumer;
  }

  /** The dead-letter topics this service's channels park messages on. */
  public TreeSet<String> topics() {
    TreeSet<String> topics = new TreeSet<>();
    // The kernel names one dead-letter topic for every channel of the service (connector
    // default); a channel may name its own.
    config
        .getOptionalValue(
            "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", String.class)
        .ifPresent(topics::add);
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
        config.getOptionalValue(name, String.class).ifPresent(topics::add);
      }
    }
    return topics;
  }

  /**
   * Every parked message, oldest first, with whether its event has been applied since. The topics
   * are read on a worker thread (the Kafka client blocks).
   */
  public Uni<List<Entry>> list() {
    return ContextResume.offload(this::parked).flatMap(this::withApplied);
  }

  private List<Entry> parked() {
    List<Entry> entries = new ArrayList<>();
    for (String topic : topics()) {
      for (var r : read(topic, Optional.empty())) {
        entries.add(entry(r, false));
      }
    }
    return entries;
  }

  private Uni<List<Entry>> withApplied(List<Entry> entries) {
    UUID[] ids = entries.stream().map(Entry::eventId).filter(id -> id != null).toArray(UUID[]::new);
    Uni<Set<UUID>> applied =
        ids.length == 0
            ? Uni.createFrom().item(Set.of())
            : pool.preparedQuery(PROCESSED)
                .execute(Tuple.of(ids))
                .map(
                    rows -> {
                      Set<UUID> found = new HashSet<>();
                      rows.forEach(row -> found.add(row.getUUID("event_id")));
                      return found;
                    });
    return applied.map(
        found ->
            entries.stream()
                .map(e -> e.withApplied(e.eventId() != null && found.contains(e.eventId())))
                .sorted(Comparator.comparing(Entry::parkedAt))
                .toList());
  }

  /**
   * Applies the parked message at (topic, partition, offset) through its channel's handlers, in
   * this service, now (see {@link IdempotentConsumer#replay}). Nothing is written to Kafka: the
   * topic it came from belongs to the service that published it, and the cluster's ACLs let this
   * service only read it. The answer is the entry as it stands after the replay.
   */
  public Uni<Entry> replay(String topic, int partition, long offset) {
    return ContextResume.offload(() -> parkedAt(topic, partition, offset)).flatMap(this::apply);
  }

  private ConsumerRecord<String, String> parkedAt(String topic, int partition, long offset) {
    if (!topics().contains(topic)) {
      throw new ProblemException(
          404, "NO_SUCH_DEAD_LETTER_TOPIC", "Not found", "本服务没有这个死信主题：" + topic);
    }
    return read(topic, Optional.of(new long[] {partition, offset})).stream()
        .filter(x -> x.partition() == partition && x.offset() == offset)
        .findFirst()
        .orElseThrow(
            () ->
                new ProblemException(
                    404,
                    "NO_SUCH_DEAD_LETTER",
                    "Not found",
                    "死信主题中没有这条消息（分区 " + partition + "，位置 " + offset + "）"));
  }

  private Uni<Entry> apply(ConsumerRecord<String, String> r) {
    Entry e = entry(r, false);
    if (e.channel() == null) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  409, "DEAD_LETTER_WITHOUT_ORIGIN", "Conflict", "这条死信没有记录来源主题，或本服务已不再订阅该主题，无法重放"));
    }
    return consumer
        .replay(e.channel(), r.value())
        .onFailure(
            f -> !Failures.isTransient(f) && !(f instanceof IdempotentConsumer.ReplayImpossible))
        .transform(
            failed ->
                new ProblemException(
                    409,
                    "REPLAY_FAILED",
                    "Conflict",
                    "重放没有成功，消息仍保留在死信中：" + Redacted.describe(failed) + "。请先排除原因再重放。"))
        .onFailure(IdempotentConsumer.ReplayImpossible.class)
        .transform(
            impossible ->
                new ProblemException(
                    409,
                    "DEAD_LETTER_NOT_REPLAYABLE",
                    "Conflict",
                    "这条死信无法重放：" + impossible.getMessage()))
        .invoke(
            outcome ->
                metrics
                    .counter(
                        "gradphoto.dead.letters.replayed",
                        "topic",
                        e.topic(),
                        "outcome",
                        outcome.name())
                    .increment())
        .map(outcome -> e.withApplied(outcome != IdempotentConsumer.Replayed.NOT_HANDLED));
  }

  private List<ConsumerRecord<String, String>> read(String topic, Optional<long[]> only) {
    Properties p = KafkaClientSettings.consumer(kafka);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos == null || infos.isEmpty()) {
        return out;
      }
      List<TopicPartition> parts =
          infos.stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .filter(tp -> only.isEmpty() || tp.partition() == only.get()[0])
              .toList();
      c.assign(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
      Map<TopicPartition, Long> start = new HashMap<>(c.beginningOffsets(parts));
      for (TopicPartition tp : parts) {
        long from = only.map(o -> Math.max(o[1], start.get(tp))).orElse(start.get(tp));
        c.seek(tp, from);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (var r : c.poll(Duration.ofMillis(500))) {
          out.add(r);
          if (only.isPresent()) {
            return out;
          }
        }
      }
    }
    return out;
  }

  private Entry entry(ConsumerRecord<String, String> r, boolean applied) {
    UUID eventId = null;
    String type = null;
    try {
      JsonNode tree = JSON.readTree(r.value());
      if (tree != null && tree.hasNonNull("eventId")) {
        eventId = UUID.fromString(tree.get("eventId").asText());
        type = tree.path("type").asText(null);
      }
    } catch (Exception unreadable) {
      // an unreadable message is listed without event id and type
    }
    String fromTopic = header(r, "dead-letter-topic");
    String channel = null;
    if (fromTopic != null) {
      for (String name : config.getPropertyNames()) {
        if (name.startsWith("mp.messaging.incoming.")
            && name.endsWith(".topic")
            && !name.endsWith("dead-letter-queue.topic")
            && fromTopic.equals(config.getOptionalValue(name, String.class).orElse(null))) {
          channel = name.substring("mp.messaging.incoming.".length(), name.length() - 6);
        }
      }
    }
    String failure = header(r, "dead-letter-exception-class-name");
    String cause = header(r, "dead-letter-cause-class-name");
    if (cause != null) {
      failure = failure + " <- " + cause;
    }
    return new Entry(
        r.topic(),
        r.partition(),
        r.offset(),
        Instant.ofEpochMilli(r.timestamp()),
        r.key(),
        eventId,
        type,
        fromTopic,
        channel,
        failure,
        applied);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
