package org.gradphoto.kernel.storage;

import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The one way a service talks to its object store: a MinIO client whose every call has a connect,
 * read and write timeout and a whole-call deadline ({@link S3Settings}), a second client that only
 * signs URLs for the host phones and browsers use, and {@link #call} that tells a store that is
 * down ({@link StorageUnavailable}) from any other failure.
 *
 * <p>Only services that use S3 put the MinIO client on their class path; this class is not a bean,
 * so the others never load it.
 */
public record S3Clients(MinioClient client, MinioClient signer, S3Settings settings) {

  /** A blocking call to the store. */
  @FunctionalInterface
  public interface S3Call<T> {
    T call() throws Exception;
  }

  public static S3Clients of(S3Settings settings) {
    // MinIO's own client (its retry of 5xx answers, certificates from the environment) with our
    // timeouts: its defaults wait five minutes for a store that does not answer.
    OkHttpClient http =
        Http.newDefaultClient()
            .newBuilder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.writeTimeout())
            .callTimeout(settings.callTimeout())
            .build();
    MinioClient client = build(settings.endpoint(), settings, http);
    // With the region given, signing needs no request, so the public host need not be reachable.
    MinioClient signer =
        settings.publicEndpoint().map(e -> build(e, settings, http)).orElse(client);
    return new S3Clients(client, signer, settings);
  }

  private static MinioClient build(String endpoint, S3Settings settings, OkHttpClient http) {
    return MinioClient.builder()
        .endpoint(endpoint)
        .region(settings.region())
        .credentials(settings.accessKey(), settings.secretKey())
        .httpClient(http)
        .build();
  }

  /**
   * Runs a blocking call to the store. An unreachable, silent or failing store becomes {@link
   * StorageUnavailable}; a runtime exception passes unchanged; any other failure (the store's
   * refusal, such as {@code NoSuchKey}) becomes an {@link IllegalStateException} with it as cause.
   *
   * @param what what was asked (for the message: a key or a bucket, never personal data)
   */
  public <T> T call(String what, S3Call<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      if (unavailable(e)) {
        throw new StorageUnavailable(what, settings.retryAfter(), e);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("object store call failed: " + what, e);
    }
  }

  /**
   * True when the failure says the store could not be reached or could not serve now: a transport
   * failure (refused, reset, timed out, deadline passed) or a 5xx answer, anywhere in the causes.
   */
  public static boolean unavailable(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof StorageUnavailable || t instanceof IOException) {
        return true;
      }
      if (t instanceof ServerException s && s.statusCode() >= 500) {
        return true;
      }
      if (t instanceof ErrorResponseException r
          && r.response() != null
          && r.response().code() >= 500) {
        return true;
      }
    }
    return false;
  }
}
