package org.gradphoto.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.gradphoto.kernel.storage.S3Settings;

/**
 * Object storage ({@code gradphoto.s3.*}): the kernel's settings (address, keys, timeouts) and
 * delivery's two buckets.
 */
@ConfigMapping(prefix = "gradphoto.s3")
public interface S3Config extends S3Settings {
  /** capture-service writes standardized photos here; delivery only reads. */
  @WithDefault("gradphoto-photos")
  String photosBucket();

  /** Delivery's own: pinned photos, layout sheets, school packages. */
  @WithDefault("gradphoto-packages")
  String packagesBucket();
}
