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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * The service's dead-letter topic as an operator sees it: every parked message with what it was
 * (event id, type, key, where it came from, the failure's exception class), whether the event has
 * since been applied, and a replay that puts the message back on the topic it came from. The
 * idempotent consumers of every subscriber skip it where it was applied already, so a replay can
 * only complete what failed. Message bodies and failure messages are never shown: they carry
 * personal data.
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
      boolean applied) {}

  private final Config config;
  private final Pool pool;
  private final Map<String, Object> kafka;
  private final MeterRegistry metrics;

  DeadLetters(
      Config config,
      Pool pool,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      MeterRegistry metrics) {
    this.config = config;
    this.pool = pool;
    this.kafka = kafka;
    this.metrics = metrics;
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
                .map(
                    e ->
                        new Entry(
                            e.topic(),
                            e.partition(),
                            e.offset(),
                            e.parkedAt(),
                            e.key(),
                            e.eventId(),
                            e.type(),
                            e.fromTopic(),
                            e.channel(),
                            e.failure(),
                            e.eventId() != null && found.contains(e.eventId())))
                .sorted(Comparator.comparing(Entry::parkedAt))
                .toList());
  }

  /** Puts the parked message at (topic, partition, offset) back on its topic. */
  public Uni<Entry> replay(String topic, int partition, long offset) {
    return ContextResume.offload(() -> replayNow(topic, partition, offset));
  }

  private Entry replayNow(String topic, int partition, long offset) {
    if (!topics().contains(topic)) {
      throw new ProblemException(
          404, "NO_SUCH_DEAD_LETTER_TOPIC", "Not found", "本服务没有这个死信主题：" + topic);
    }
    ConsumerRecord<String, String> r =
        read(topic, Optional.of(new long[] {partition, offset})).stream()
            .filter(x -> x.partition() == partition && x.offset() == offset)
            .findFirst()
            .orElseThrow(
                () ->
                    new ProblemException(
                        404,
                        "NO_SUCH_DEAD_LETTER",
                        "Not found",
                        "死信主题中没有这条消息（分区 " + partition + "，位置 " + offset + "）"));
    Entry e = entry(r, false);
    if (e.fromTopic() == null) {
      throw new ProblemException(
          409, "DEAD_LETTER_WITHOUT_ORIGIN", "Conflict", "这条死信没有记录来源主题，无法重放");
    }
    Properties p = KafkaClientSettings.producer(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> again =
          new ProducerRecord<>(e.fromTopic(), r.key(), r.value());
      for (String h : List.of("eventId", "type")) {
        Header header = r.headers().lastHeader(h);
        if (header != null) {
          again.headers().add(h, header.value());
        }
      }
      producer.send(again).get(20, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new ProblemException(
          503, "KAFKA_UNAVAILABLE", "Service unavailable", "消息队列暂时不可用，请稍后重试");
    }
    metrics.counter("gradphoto.dead.letters.replayed", "topic", topic).increment();
    return e;
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
