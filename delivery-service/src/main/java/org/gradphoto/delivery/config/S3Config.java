package org.gradphoto.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Object storage (MinIO in production, S3Proxy locally and in tests). */
@ConfigMapping(prefix = "gradphoto.s3")
public interface S3Config {
  /** Where this service reaches the store. */
  String endpoint();

  String accessKey();

  String secretKey();

  /**
   * Where phones and browsers reach the store, when it differs from {@link #endpoint()}; presigned
   * URLs are valid only for the host they were signed for.
   */
  Optional<String> publicEndpoint();

  @WithDefault("us-east-1")
  String region();

  /** capture-service writes standardized photos here; delivery only reads. */
  @WithDefault("gradphoto-photos")
  String photosBucket();

  /** Delivery's own: pinned photos, layout sheets, school packages. */
  @WithDefault("gradphoto-packages")
  String packagesBucket();
}
