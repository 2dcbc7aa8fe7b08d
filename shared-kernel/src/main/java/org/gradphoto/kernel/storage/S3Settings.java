package org.gradphoto.kernel.storage;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service reaches its S3 object store ({@code gradphoto.s3.*}; MinIO in production, S3Proxy
 * locally and in tests). Each service's own {@code @ConfigMapping(prefix = "gradphoto.s3")} extends
 * this and adds its buckets; {@link S3Clients#of} builds the clients from it.
 */
public interface S3Settings {
  /** Where this service reaches the store. */
  String endpoint();

  String accessKey();

  String secretKey();

  /**
   * Where phones and browsers reach the store, when it differs from {@link #endpoint()}: presigned
   * URLs are valid only for the host they were signed for.
   */
  Optional<String> publicEndpoint();

  @WithDefault("us-east-1")
  String region();

  /** Longest wait for a connection to the store: a store that is down is known at once. */
  @WithDefault("2s")
  Duration connectTimeout();

  /** Longest silence while reading an answer. */
  @WithDefault("10s")
  Duration readTimeout();

  /** Longest stall while sending a body. */
  @WithDefault("10s")
  Duration writeTimeout();

  /**
   * Deadline of one whole HTTP call (connect, send, answer, retries of a 5xx): a store that
   * trickles its answer cannot hold a request longer than this. One part of a multipart upload is
   * one call.
   */
  @WithDefault("30s")
  Duration callTimeout();

  /**
   * What an answer that the store was unavailable tells the client to wait ({@code Retry-After}).
   */
  @WithDefault("10s")
  Duration retryAfter();
}
