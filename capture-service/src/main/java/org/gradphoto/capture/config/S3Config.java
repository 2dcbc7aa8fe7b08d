package org.gradphoto.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.gradphoto.kernel.storage.S3Settings;

/**
 * The object store ({@code gradphoto.s3.*}): the kernel's settings (address, keys, timeouts) and
 * capture's bucket.
 */
@ConfigMapping(prefix = "gradphoto.s3")
public interface S3Config extends S3Settings {
  @WithDefault("gradphoto-photos")
  String bucket();
}
