package org.gradphoto.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.gradphoto.testsupport.LocalWeChatResource;
import org.gradphoto.testsupport.RealInfrastructure;

/**
 * The real PostgreSQL, Kafka and S3 servers, the mock OIDC provider and the local WeChat (its
 * subscribe-message inbox), declared once for every {@code @QuarkusTest} of this module so Quarkus
 * starts once for all of them.
 */
@QuarkusTestResource(
    value = RealInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "delivery"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(
    value = LocalWeChatResource.class,
    initArgs = @ResourceArg(name = "pay", value = "false"))
public final class TestInfrastructure {
  private TestInfrastructure() {}
}
