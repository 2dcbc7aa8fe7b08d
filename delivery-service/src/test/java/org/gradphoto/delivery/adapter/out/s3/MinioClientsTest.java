package org.gradphoto.delivery.adapter.out.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import java.util.UUID;
import org.gradphoto.kernel.storage.StorageUnavailable;
import org.gradphoto.testsupport.RealS3;
import org.junit.jupiter.api.Test;

/**
 * The buckets are made even when the store was down at start-up: the start-up check only warns, and
 * the first write makes them (before, a package built after such a start stayed COLLECTING).
 */
class MinioClientsTest {

  @Test
  void buckets_missed_at_start_up_are_made_before_the_first_write() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    TestS3Config config = new TestS3Config(RealS3.endpoint(), "photos-" + id, "packages-" + id);
    MinioClients clients = new MinioClients(config);

    RealS3.stopForOutage();
    try {
      clients.onStart(null);
      assertThrows(StorageUnavailable.class, clients::ready);
    } finally {
      RealS3.startAgain();
    }
    assertFalse(exists(clients, config.packagesBucket()));

    clients.ready();

    assertTrue(exists(clients, config.photosBucket()));
    assertTrue(exists(clients, config.packagesBucket()));
  }

  private static boolean exists(MinioClients clients, String bucket) throws Exception {
    return clients.client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
  }
}
