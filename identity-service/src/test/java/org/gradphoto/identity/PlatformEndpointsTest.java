package org.gradphoto.identity;

import io.quarkus.test.junit.QuarkusTest;
import org.gradphoto.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {
  PlatformEndpointsTest() {
    super("identity-service");
  }
}
