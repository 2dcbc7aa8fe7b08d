package org.gradphoto.delivery.adapter.out.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.gradphoto.delivery.config.S3Config;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.storage.S3Clients;

/**
 * The MinIO clients, set up by the kernel ({@link S3Clients}: timeouts, call deadline, the signer
 * for the address phones and browsers use), and delivery's buckets. A singleton (no client proxy),
 * so its fields can be read directly.
 */
@Singleton
class MinioClients {
  final S3Config config;
  final S3Clients s3;
  final MinioClient client;
  final MinioClient signer;

  MinioClients(S3Config config) {
    this.config = config;
    this.s3 = S3Clients.of(config);
    this.client = s3.client();
    this.signer = s3.signer();
  }

  private volatile boolean bucketsReady;

  /**
   * Creates the buckets when absent. A store that is slow or down now is not fatal: {@link
   * #ready()} checks again before the first write (under load the check can outlast the call
   * deadline, and a package written into a missing bucket never completes).
   */
  void onStart(@Observes StartupEvent start) {
    try {
      ready();
    } catch (RuntimeException e) {
      Log.warnf("object storage not ready at startup: %s", Redacted.describe(e));
    }
  }

  /** Makes sure both buckets exist (once per process; fails as {@link S3Clients#call} does). */
  void ready() {
    if (bucketsReady) {
      return;
    }
    synchronized (this) {
      if (bucketsReady) {
        return;
      }
      s3.call(
          "buckets",
          () -> {
            ensureBuckets();
            return null;
          });
      bucketsReady = true;
    }
  }

  private void ensureBuckets() throws Exception {
    for (String bucket : List.of(config.photosBucket(), config.packagesBucket())) {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        Log.infof("created bucket %s", bucket);
      }
    }
  }
}
