package org.gradphoto.capture.adapter.out.s3;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.config.S3Config;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * The photo bucket through the MinIO client (blocking, so it runs on worker threads). Presigned
 * URLs are signed for the public endpoint when one is set, since a signature holds only for the
 * host it was made for.
 */
@ApplicationScoped
class MinioPhotoStorage implements PhotoStorage {
  private final MinioClient client;
  private final MinioClient signer;
  private final String bucket;
  private final MeterRegistry metrics;
  private volatile boolean bucketReady;

  MinioPhotoStorage(S3Config config, MeterRegistry metrics) {
    this.bucket = config.bucket();
    this.metrics = metrics;
    this.client =
        MinioClient.builder()
            .endpoint(config.endpoint())
            .region(config.region())
            .credentials(config.accessKey(), config.secretKey())
            .build();
    // With the region given, signing needs no request, so the public host need not be reachable.
    this.signer =
        config
            .publicEndpoint()
            .map(
                e ->
                    MinioClient.builder()
                        .endpoint(e)
                        .region(config.region())
                        .credentials(config.accessKey(), config.secretKey())
                        .build())
            .orElse(client);
  }

  void onStart(@Observes StartupEvent ignored) {
    try {
      ensureBucket();
    } catch (MinioException | RuntimeException e) {
      Log.warnf("bucket %s not checked at start-up, will retry on first write: %s", bucket, e);
    }
  }

  private void ensureBucket() throws MinioException {
    if (bucketReady) {
      return;
    }
    synchronized (this) {
      if (!bucketReady) {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
          client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
          Log.infof("created bucket %s", bucket);
        }
        bucketReady = true;
      }
    }
  }

  @Override
  public Uni<Void> put(String key, byte[] bytes, String mediaType) {
    return blocking(
            () -> {
              ensureBucket();
              long t0 = System.nanoTime();
              client.putObject(
                  PutObjectArgs.builder()
                      .bucket(bucket)
                      .object(key)
                      .data(bytes, bytes.length)
                      .contentType(mediaType)
                      .build());
              stage("s3.put." + kind(key), t0);
              return null;
            })
        .replaceWithVoid();
  }

  @Override
  public Uni<byte[]> get(String key) {
    return blocking(
        () -> {
          long t0 = System.nanoTime();
          try (InputStream in =
              client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            byte[] bytes = in.readAllBytes();
            stage("s3.get." + kind(key), t0);
            return bytes;
          } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
              throw new ObjectMissing(key);
            }
            throw e;
          }
        });
  }

  @Override
  public Uni<Void> delete(List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> copy = List.copyOf(keys);
    return blocking(
            () -> {
              for (String key : copy) {
                try {
                  client.removeObject(
                      RemoveObjectArgs.builder().bucket(bucket).object(key).build());
                } catch (MinioException | RuntimeException e) {
                  Log.warnf("could not delete object %s: %s", key, Redacted.describe(e));
                }
              }
              return null;
            })
        .replaceWithVoid();
  }

  @Override
  public Uni<String> presignGet(String key, Duration ttl) {
    return blocking(
        () -> {
          long t0 = System.nanoTime();
          String url =
              signer.getPresignedObjectUrl(
                  GetPresignedObjectUrlArgs.builder()
                      .method(Http.Method.GET)
                      .bucket(bucket)
                      .object(key)
                      .expiry((int) ttl.toSeconds(), TimeUnit.SECONDS)
                      .build());
          stage("s3.presign", t0);
          return url;
        });
  }

  /**
   * Time of one call, as {@code capture.stage{stage=…}}: where an upload's time goes (README,
   * "Where the time goes"), without a profiler.
   */
  private void stage(String stage, long startNanos) {
    Timer.builder("capture.stage")
        .description("time of one step of an upload or adjustment")
        .tag("stage", stage)
        .register(metrics)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** The object's role from its file name (PhotoKeys): original, standardized or cutout. */
  private static String kind(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : "other";
  }

  private static <T> Uni<T> blocking(Callable<T> call) {
    return ContextResume.onCallerContext(
        Uni.createFrom()
            .item(() -> unchecked(call))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }

  private static <T> T unchecked(Callable<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("object store call failed: " + e.getMessage(), e);
    }
  }
}
