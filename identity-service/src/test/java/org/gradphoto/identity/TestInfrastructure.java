package org.gradphoto.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real PostgreSQL, Kafka and S3 servers and the mock OIDC provider, declared once for every
 * {@code @QuarkusTest} of this module so Quarkus starts once for all of them.
 */
@QuarkusTestResource(
    value = IdentityInfrastructure.class,
    initArgs = {
      @ResourceArg(name = "database", value = "identity"),
      @ResourceArg(name = "s3", value = "false")
    })
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
  private TestInfrastructure() {}
}
