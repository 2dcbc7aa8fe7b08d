package org.gradphoto.capture.adapter.out.s3;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
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
import java.util.concurrent.TimeUnit;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.config.S3Config;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.reactive.ContextResume;
import org.gradphoto.kernel.storage.S3Clients;

/**
 * The photo bucket through the MinIO client (blocking, so it runs on worker threads). Presigned
 * URLs are signed for the public endpoint when one is set, since a signature holds only for the
 * host it was made for.
 */
@ApplicationScoped
class MinioPhotoStorage implements PhotoStorage {
  private final S3Clients s3;
  private final String bucket;
  private final MeterRegistry metrics;
  private volatile boolean bucketReady;

  MinioPhotoStorage(S3Config config, MeterRegistry metrics) {
    this.bucket = config.bucket();
    this.metrics = metrics;
    this.s3 = S3Clients.of(config);
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
        if (!s3.client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
          s3.client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
          Log.infof("created bucket %s", bucket);
        }
        bucketReady = true;
      }
    }
  }

  @Override
  public Uni<Void> put(String key, byte[] bytes, String mediaType) {
    return blocking(
            key,
            () -> {
              ensureBucket();
              long t0 = System.nanoTime();
              s3.client()
                  .putObject(
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
        key,
        () -> {
          long t0 = System.nanoTime();
          try (InputStream in =
              s3.client().getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
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
  public Uni<Boolean> exists(String key) {
    return blocking(
        key,
        () -> {
          try {
            s3.client().statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
          } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
              return false;
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
            copy.size() + " objects",
            () -> {
              for (String key : copy) {
                try {
                  s3.client()
                      .removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
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
        key,
        () -> {
          long t0 = System.nanoTime();
          String url =
              s3.signer()
                  .getPresignedObjectUrl(
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

  /** On a worker thread; an unreachable store fails with the kernel's StorageUnavailable. */
  private <T> Uni<T> blocking(String what, S3Clients.S3Call<T> call) {
    return ContextResume.onCallerContext(
        Uni.createFrom()
            .item(() -> s3.call(what, call))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }
}
