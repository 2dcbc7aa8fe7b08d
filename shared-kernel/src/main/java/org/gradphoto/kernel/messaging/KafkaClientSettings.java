package org.gradphoto.kernel.messaging;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The service's own Kafka settings ({@code kafka.*} and {@code KAFKA_*}, as Quarkus hands them to
 * its channels as the {@code default-kafka-broker} map: bootstrap servers, security protocol, SASL,
 * trust store) for the kernel's hand-built clients, so none of them talks plaintext or without
 * credentials to a cluster the service reaches over TLS. Only the keys the client kind knows are
 * taken: the map also holds the other kind's settings.
 */
final class KafkaClientSettings {
  private KafkaClientSettings() {}

  static Properties producer(Map<String, Object> kafka) {
    return only(kafka, ProducerConfig.configNames());
  }

  static Properties consumer(Map<String, Object> kafka) {
    return only(kafka, ConsumerConfig.configNames());
  }

  private static Properties only(Map<String, Object> kafka, Set<String> known) {
    Properties p = new Properties();
    kafka.forEach(
        (k, v) -> {
          if (known.contains(k)) {
            p.put(k, v);
          }
        });
    return p;
  }
}
