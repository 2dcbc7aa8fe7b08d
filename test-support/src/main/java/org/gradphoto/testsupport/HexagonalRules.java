package org.gradphoto.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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

  /**
   * The domain and the use cases speak no HTTP: they refuse with their own types (a code and the
   * facts), and only the inbound adapters turn a refusal into problem+json and the sentence a
   * person reads. For the services whose core already keeps to it.
   */
  public static void checkCoreSpeaksNoHttp(String basePackage) {
    checkCoreSpeaksNoHttp(importMainClasses(basePackage), basePackage);
  }

  public static void checkCoreSpeaksNoHttp(JavaClasses classes, String basePackage) {
    noClasses()
        .that()
        .resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                    "jakarta.ws.rs..",
                    "org.jboss.resteasy..",
                    "io.vertx.core.http..",
                    "io.vertx.mutiny.core.http..",
                    "io.vertx.ext.web..",
                    "io.quarkus.vertx.http..",
                    "java.net.http..",
                    "org.gradphoto.kernel.web..")
                .or(assignableTo("org.gradphoto.kernel.error.ProblemException")))
        .because(
            "HTTP statuses, problem+json and the wording of refusals belong to the inbound adapters")
        .allowEmptyShould(true)
        .check(classes);
  }
}
