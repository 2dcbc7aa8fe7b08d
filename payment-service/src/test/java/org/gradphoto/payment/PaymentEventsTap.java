package org.gradphoto.payment;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.RealKafka;

/**
 * Everything published on the payment topic, read once by one consumer for the whole test run (no
 * consumer group to join per assertion, which costs seconds on a busy machine).
 */
final class PaymentEventsTap {
  private static PaymentEventsTap instance;
  private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

  static synchronized PaymentEventsTap get() {
    if (instance == null) {
      instance = new PaymentEventsTap();
      Thread reader = new Thread(instance::read, "payment-events-tap");
      reader.setDaemon(true);
      reader.start();
    }
    return instance;
  }

  List<ConsumerRecord<String, String>> of(String key, String type) {
    return seen.stream()
        .filter(r -> key.equals(r.key()) && type.equals(KafkaProbe.header(r, "type")))
        .toList();
  }

  private void read() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<PartitionInfo> partitions = List.of();
      while (partitions == null || partitions.isEmpty()) {
        partitions = consumer.partitionsFor(Topics.PAYMENT_EVENTS, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
          sleep();
        }
      }
      List<TopicPartition> assigned =
          partitions.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      while (true) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
