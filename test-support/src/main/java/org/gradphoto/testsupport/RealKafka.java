package org.gradphoto.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/** One real single-node KRaft Kafka broker per test JVM, started inside the JVM. */
public final class RealKafka {
  private static KafkaClusterTestKit cluster;

  private RealKafka() {}

  public static synchronized String bootstrapServers() {
    if (cluster == null) {
      // The broker halts the JVM when its log directory disappears, which happens when the JVM's
      // shutdown hooks delete its temporary directory before the broker has stopped. A test JVM
      // that halts with status 1 after every test passed fails the build, so the broker may not.
      Exit.setHaltProcedure(RealKafka::refuse);
      Exit.setExitProcedure(RealKafka::refuse);
      try {
        KafkaClusterTestKit kit =
            new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                // Without these, the internal topics wait for three replicas and consumers hang.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "1")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        cluster = kit;
      } catch (Exception e) {
        throw new IllegalStateException("could not start the Kafka test broker", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(RealKafka::stop));
    }
    return cluster.bootstrapServers();
  }

  private static void refuse(int status, String message) {
    System.err.println(
        "Kafka test broker wanted to end the JVM with status " + status + ": " + message);
  }

  private static synchronized void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception ignored) {
        // the JVM is exiting
      }
      cluster = null;
    }
  }
}
