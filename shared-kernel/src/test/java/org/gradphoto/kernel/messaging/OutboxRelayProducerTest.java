package org.gradphoto.kernel.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 item 6: the relay built its producer from {@code bootstrap.servers} alone, so a service
 * configured for TLS + SASL still sent its events in plaintext without credentials (and, behind
 * ACLs, not at all). It now takes the service's Kafka settings, and keeps its own guarantees; the
 * dead-letter list and replay (DeadLetters) take the same settings.
 */
class OutboxRelayProducerTest {
  @Test
  void the_relay_producer_uses_the_services_kafka_security_settings() {
    Properties p =
        OutboxRelay.producerProperties(
            Map.of(
                "bootstrap.servers", "gradphoto-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"identity-service\" password=\"x\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "acks", "0",
                "group.id", "identity-service"));
    assertEquals("gradphoto-kafka-bootstrap:9093", p.get("bootstrap.servers"));
    assertEquals("SASL_SSL", p.get("security.protocol"));
    assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
    assertEquals("/etc/kafka-ca/ca.crt", p.get("ssl.truststore.location"));
    assertEquals("all", p.get("acks"), "a setting must not weaken the relay's acks");
    assertEquals(true, p.get("enable.idempotence"));
    assertFalse(p.containsKey("group.id"), "consumer settings are not the producer's");
  }

  @Test
  void the_dead_letter_reader_uses_them_too() {
    Properties p =
        KafkaClientSettings.consumer(
            Map.of(
                "bootstrap.servers", "gradphoto-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "acks", "0"));
    assertEquals("SASL_SSL", p.get("security.protocol"));
    assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
    assertFalse(p.containsKey("acks"), "producer settings are not the consumer's");
  }
}
