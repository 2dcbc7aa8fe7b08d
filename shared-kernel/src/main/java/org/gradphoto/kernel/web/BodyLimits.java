package org.gradphoto.kernel.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * How large a request body each route may send. {@code quarkus.http.limits.max-body-size} is one
 * limit for the whole server (the largest route's); this narrows it per route, so that an anonymous
 * login cannot make the server buffer the 40 MB a roster import needs.
 *
 * <pre>
 * gradphoto.http.body-limit.default-max=64K
 * gradphoto.http.body-limit.routes.roster.path=/batches/[^/]+/roster
 * gradphoto.http.body-limit.routes.roster.max=40M
 * </pre>
 *
 * The first route whose {@code path} (a regular expression over the whole path) and optional {@code
 * method} match decides; others get {@code default-max}.
 */
@ConfigMapping(prefix = "gradphoto.http.body-limit")
public interface BodyLimits {
  @WithDefault("64K")
  MemorySize defaultMax();

  Map<String, Route> routes();

  interface Route {
    String path();

    Optional<String> method();

    MemorySize max();
  }
}
