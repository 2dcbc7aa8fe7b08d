package org.gradphoto.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class HexagonalRulesTest {
  private static final String FIXTURES = "org.gradphoto.testsupport.fixture";

  @Test
  void a_domain_that_depends_on_an_adapter_fails_the_check() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                HexagonalRules.check(
                    new ClassFileImporter().importPackages(FIXTURES + ".bad"), FIXTURES + ".bad"));
    assertTrue(e.getMessage().contains("Leaky"));
  }

  @Test
  void dependencies_that_point_inward_pass() {
    assertDoesNotThrow(
        () ->
            HexagonalRules.check(
                new ClassFileImporter().importPackages(FIXTURES + ".good"), FIXTURES + ".good"));
  }

  @Test
  void a_use_case_that_speaks_http_fails_the_no_http_check() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                HexagonalRules.checkCoreSpeaksNoHttp(
                    new ClassFileImporter().importPackages(FIXTURES + ".http"),
                    FIXTURES + ".http"));
    assertTrue(e.getMessage().contains("Caller"));
  }

  @Test
  void a_core_without_http_passes_the_no_http_check() {
    assertDoesNotThrow(
        () ->
            HexagonalRules.checkCoreSpeaksNoHttp(
                new ClassFileImporter().importPackages(FIXTURES + ".good"), FIXTURES + ".good"));
  }
}
