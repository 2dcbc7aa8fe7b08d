package org.gradphoto.delivery.adapter.out.s3;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase.DownloadLink;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.DownloadLinks;
import org.gradphoto.delivery.application.port.out.PhotoStore;

@ApplicationScoped
class MinioPhotoStore implements PhotoStore, DownloadLinks {
  private final MinioClients s3;
  private final Blocking blocking;

  MinioPhotoStore(MinioClients s3, Blocking blocking) {
    this.s3 = s3;
    this.blocking = blocking;
  }

  @Override
  public Uni<byte[]> readCaptured(String key) {
    return blocking.call(() -> read(s3.config.photosBucket(), key));
  }

  /**
   * An unreachable store fails with the kernel's StorageUnavailable (503 where a request waits).
   */
  byte[] read(String bucket, String key) {
    return s3.s3.call(
        bucket + "/" + key,
        () -> {
          try (GetObjectResponse in =
              s3.client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
          }
        });
  }

  @Override
  public Uni<Void> store(String key, byte[] bytes, String contentType) {
    return blocking.call(
        () ->
            s3.s3.call(
                key,
                () -> {
                  s3.ready();
                  s3.client.putObject(
                      PutObjectArgs.builder()
                          .bucket(s3.config.packagesBucket())
                          .object(key)
                          .data(bytes, bytes.length)
                          .contentType(contentType)
                          .build());
                  return null;
                }));
  }

  @Override
  public Uni<byte[]> read(String key) {
    return blocking.call(() -> read(s3.config.packagesBucket(), key));
  }

  @Override
  public Uni<Boolean> exists(String key) {
    return blocking.call(
        () -> {
          s3.ready();
          try {
            s3.client.statObject(
                StatObjectArgs.builder().bucket(s3.config.packagesBucket()).object(key).build());
            return true;
          } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
              return false;
            }
            throw new IllegalStateException("cannot look up " + key + ": " + e, e);
          } catch (MinioException e) {
            throw new IllegalStateException("cannot look up " + key + ": " + e, e);
          }
        });
  }

  @Override
  public Uni<DownloadLink> link(
      String key, String fileName, String asciiFallback, String contentType, Duration ttl) {
    return blocking.call(
        () -> {
          Instant expires = Instant.now().plus(ttl);
          String disposition =
              "attachment; filename=\""
                  + asciiFallback
                  + "\"; filename*=UTF-8''"
                  + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
          try {
            String url =
                s3.signer.getPresignedObjectUrl(
                    GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.GET)
                        .bucket(s3.config.packagesBucket())
                        .object(key)
                        .expiry((int) ttl.toSeconds(), TimeUnit.SECONDS)
                        .extraQueryParams(
                            Map.of(
                                "response-content-disposition", disposition,
                                "response-content-type", contentType))
                        .build());
            return new DownloadLink(url, fileName, expires);
          } catch (MinioException e) {
            throw new IllegalStateException("cannot sign a link to " + key + ": " + e, e);
          }
        });
  }
}
