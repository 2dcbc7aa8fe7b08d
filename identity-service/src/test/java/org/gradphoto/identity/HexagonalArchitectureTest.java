package org.gradphoto.identity;

import org.gradphoto.testsupport.HexagonalRules;
import org.junit.jupiter.api.Test;

class HexagonalArchitectureTest {
  @Test
  void dependencies_point_inward_from_adapters_to_the_domain() {
    HexagonalRules.check("org.gradphoto.identity");
  }

  @Test
  void the_domain_and_the_use_cases_speak_no_http() {
    HexagonalRules.checkCoreSpeaksNoHttp("org.gradphoto.identity");
  }
}
