package org.gradphoto.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rules of STYLE.md, shared by every service: adapter → application → domain, never
 * outward, and a framework-free domain.
 */
public final class HexagonalRules {
  private HexagonalRules() {}

  public static JavaClasses importMainClasses(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
  }

  /** Throws an AssertionError naming every offending dependency. */
  public static void check(String basePackage) {
    check(importMainClasses(basePackage), basePackage);
  }

  /** Checks already imported classes (the rules' own tests use fixture classes). */
  public static void check(JavaClasses classes, String basePackage) {
    String domain = basePackage + ".domain..";
    String application = basePackage + ".application..";
    String adapter = basePackage + ".adapter..";

    noClasses()
        .that()
        .resideInAPackage(domain)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            application,
            adapter,
            basePackage + ".config..",
            "io.quarkus..",
            "jakarta.persistence..",
            "jakarta.ws.rs..",
            "io.smallrye..",
            "org.hibernate..",
            "io.vertx..")
        .because("the domain is plain Java and knows nothing of the layers around it")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .that()
        .resideInAPackage(application)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(adapter, "jakarta.persistence..", "jakarta.ws.rs..", "org.hibernate..")
        .because("use cases talk to the outside only through their ports")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .that()
        .resideInAPackage(basePackage + ".adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".adapter.out..")
        .because("inbound adapters reach outbound ones only through the application's ports")
        .allowEmptyShould(true)
        .check(classes);
  }
}
