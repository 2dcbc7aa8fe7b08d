package org.gradphoto.delivery;

import org.gradphoto.testsupport.HexagonalRules;
import org.junit.jupiter.api.Test;

class HexagonalArchitectureTest {
  @Test
  void dependencies_point_inward_from_adapters_to_the_domain() {
    HexagonalRules.check("org.gradphoto.delivery");
  }
}
