package org.gradphoto.delivery.adapter.out.s3;

import java.time.Duration;
import java.util.Optional;
import org.gradphoto.delivery.config.S3Config;
import org.gradphoto.testsupport.RealS3;

/** Settings for the test-support S3 server, with the kernel's default timeouts. */
record TestS3Config(String endpoint, String photosBucket, String packagesBucket)
    implements S3Config {
  @Override
  public String accessKey() {
    return RealS3.ACCESS_KEY;
  }

  @Override
  public String secretKey() {
    return RealS3.SECRET_KEY;
  }

  @Override
  public Optional<String> publicEndpoint() {
    return Optional.empty();
  }

  @Override
  public String region() {
    return "us-east-1";
  }

  @Override
  public Duration connectTimeout() {
    return Duration.ofSeconds(2);
  }

  @Override
  public Duration readTimeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  public Duration writeTimeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  public Duration callTimeout() {
    return Duration.ofSeconds(30);
  }

  @Override
  public Duration retryAfter() {
    return Duration.ofSeconds(10);
  }
}
