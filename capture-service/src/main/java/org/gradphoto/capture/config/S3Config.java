package org.gradphoto.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The object store ({@code gradphoto.s3.*}): MinIO in production, S3Proxy locally. */
@ConfigMapping(prefix = "gradphoto.s3")
public interface S3Config {
  String endpoint();

  String accessKey();

  String secretKey();

  /**
   * Host that phones and browsers reach the store at, if it differs from {@link #endpoint()}:
   * presigned URLs are valid only for the host they were signed for.
   */
  Optional<String> publicEndpoint();

  @WithDefault("us-east-1")
  String region();

  @WithDefault("gradphoto-photos")
  String bucket();
}
