package org.gradphoto.payment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.gradphoto.testsupport.LocalWeChatResource;
import org.gradphoto.testsupport.RealInfrastructure;

/**
 * The real PostgreSQL, Kafka and S3 servers, the mock OIDC provider and the local WeChat, declared
 * once for every {@code @QuarkusTest} of this module so Quarkus starts once for all of them.
 */
@QuarkusTestResource(
    value = RealInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "payment"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(LocalWeChatResource.class)
public final class TestInfrastructure {
  private TestInfrastructure() {}
}
