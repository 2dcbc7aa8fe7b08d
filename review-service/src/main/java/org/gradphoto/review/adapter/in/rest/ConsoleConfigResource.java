package org.gradphoto.review.adapter.in.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.review.config.ReviewConfig;

/** Tells the staff console where to sign in and where the images are. Public: no secrets. */
@Path("/console/config.json")
@PermitAll
public class ConsoleConfigResource {
  private final ReviewConfig config;
  private final String oidcUrl;

  ConsoleConfigResource(
      ReviewConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
    this.config = config;
    this.oidcUrl = oidcUrl;
  }

  public record ConsoleConfig(String oidcUrl, String clientId, String imagesUrl) {}

  @GET
  public ConsoleConfig config() {
    return new ConsoleConfig(
        config.console().oidcUrl().orElse(oidcUrl).replaceAll("/+$", ""),
        config.console().clientId(),
        config.console().imagesUrl());
  }
}
