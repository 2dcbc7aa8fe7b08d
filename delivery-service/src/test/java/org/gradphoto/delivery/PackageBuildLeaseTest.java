package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.delivery.application.port.in.BuildPackagesUseCase;
import org.gradphoto.delivery.application.port.in.BuildPackagesUseCase.Outcome;
import org.gradphoto.delivery.application.port.out.PackageRepository;
import org.gradphoto.delivery.application.port.out.UnitOfWork;
import org.gradphoto.delivery.domain.PackageBuild;
import org.gradphoto.delivery.domain.PackageStatus;
import org.gradphoto.delivery.domain.SchoolPackage;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two builders of one package, as when a replica stalls past its lease and another takes the
 * package over: the worker is paused and the test plays both builders through the real use case,
 * PostgreSQL and S3. Exactly one build delivers, the stale one never removes the other's ZIP, and a
 * slow build nobody took over renews its lease and completes.
 */
@QuarkusTest
class PackageBuildLeaseTest {
  private static final String SCHOOL = "10997";
  private static final String WORKER = "package-worker";

  @Inject Scheduler scheduler;
  @Inject BuildPackagesUseCase builder;
  @Inject PackageRepository packages;
  @Inject UnitOfWork uow;

  @BeforeEach
  void pauseTheWorker() throws InterruptedException {
    scheduler.pause(WORKER);
    // A tick that started before the pause finishes its package (builds here take well under 1 s).
    Thread.sleep(1_500);
  }

  @AfterEach
  void resumeTheWorker() {
    scheduler.resume(WORKER);
  }

  @Test
  void a_builder_that_lost_its_lease_neither_delivers_nor_removes_the_new_builders_zip()
      throws Throwable {
    UUID packageId = requestPackageOfTwoStudents();

    PackageBuild stale = claim(Duration.ofMillis(200));
    assertEquals(packageId, stale.pkg().packageId());
    Thread.sleep(400);
    PackageBuild fresh = claim(Duration.ofMinutes(10));
    assertEquals(packageId, fresh.pkg().packageId(), "an expired lease is taken over");
    assertNotEquals(stale.buildId(), fresh.buildId());

    assertEquals(Outcome.BUILT, await(() -> builder.build(fresh)));
    SchoolPackage ready = find(packageId);
    assertEquals(PackageStatus.READY, ready.status());
    assertTrue(ready.objectKey().endsWith(fresh.buildId() + ".zip"), ready.objectKey());

    // The stale builder wakes up and carries on with the package it believes it holds.
    assertEquals(Outcome.LOST, await(() -> builder.build(stale)));
    assertFalse(transaction(() -> packages.renew(stale, Duration.ofMinutes(10))));
    assertFalse(transaction(() -> packages.settle(stale, stale.pkg().failed("late"))));

    SchoolPackage after = find(packageId);
    assertEquals(PackageStatus.READY, after.status(), "the stale builder changed nothing");
    assertEquals(ready.objectKey(), after.objectKey());
    assertEquals(ready.sha256(), after.sha256());
    assertFalse(
        exists(ready.objectKey().replace(fresh.buildId().toString(), stale.buildId().toString())));
    HttpResponse<byte[]> zip = Fixtures.fetch(downloadUrl(packageId));
    assertEquals(200, zip.statusCode(), "the new builder's ZIP is still there");
    assertEquals(ready.sha256(), sha256(zip.body()));

    List<?> delivered =
        KafkaProbe.all(
            Topics.DELIVERY_EVENTS,
            r -> packageId.toString().equals(r.key()),
            Duration.ofSeconds(5));
    assertEquals(1, delivered.size(), "PhotosDelivered exactly once");
  }

  @Test
  void a_lease_renewed_while_building_keeps_the_package_from_other_builders() throws Throwable {
    UUID packageId = requestPackageOfTwoStudents();
    PackageBuild build = claim(Duration.ofMillis(300));
    assertTrue(transaction(() -> packages.renew(build, Duration.ofMinutes(10))));
    Thread.sleep(500);
    assertEquals(
        Optional.empty(),
        transaction(() -> packages.claimNext(Duration.ofMinutes(10))),
        "a renewed lease is not taken over after its first term");
    assertEquals(Outcome.BUILT, await(() -> builder.build(build)));
    assertEquals(PackageStatus.READY, find(packageId).status());
  }

  @Test
  void a_slow_build_nobody_took_over_renews_its_lease_and_completes() throws Throwable {
    UUID packageId = requestPackageOfTwoStudents();
    PackageBuild slow = claim(Duration.ofMillis(200));
    Thread.sleep(400);
    assertEquals(Outcome.BUILT, await(() -> builder.build(slow)));
    SchoolPackage ready = find(packageId);
    assertEquals(PackageStatus.READY, ready.status());
    assertEquals(2, ready.photoCount());
    assertTrue(exists(ready.objectKey()));
  }

  /** A batch of two completed students and its package, queued (the worker is paused). */
  private static UUID requestPackageOfTwoStudents() {
    UUID batch = UUID.randomUUID();
    Student a = Student.of(batch, SCHOOL, "2023300201", "11010520000101123X", "chsi-graduation");
    Student b = Student.of(batch, SCHOOL, "2023300202", "110105200002021234", "chsi-graduation");
    List.of(a, b).forEach(Fixtures::grant);
    Fixtures.complete(a, 480, 640);
    Fixtures.complete(b, 480, 640);
    Fixtures.awaitStatus(a, "COMPLETED");
    Fixtures.awaitStatus(b, "COMPLETED");
    return UUID.fromString(
        given()
            .auth()
            .oauth2(Fixtures.staff("school-admin", SCHOOL))
            .contentType("application/json")
            .body("{\"naming\":\"STUDENT_NUMBER\"}")
            .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
            .then()
            .statusCode(202)
            .extract()
            .path("packageId"));
  }

  private PackageBuild claim(Duration lease) throws Throwable {
    return transaction(() -> packages.claimNext(lease)).orElseThrow();
  }

  private SchoolPackage find(UUID packageId) throws Throwable {
    return transaction(() -> packages.find(packageId)).orElseThrow();
  }

  private <T> T transaction(Supplier<Uni<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> uow.transaction(work));
  }

  private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(work);
  }

  private static String downloadUrl(UUID packageId) {
    return given()
        .auth()
        .oauth2(Fixtures.staff("school-admin", SCHOOL))
        .get("/packages/" + packageId + "/download")
        .then()
        .statusCode(200)
        .extract()
        .path("url");
  }

  private static boolean exists(String key) throws Throwable {
    try {
      Fixtures.s3()
          .statObject(StatObjectArgs.builder().bucket("gradphoto-packages").object(key).build());
      return true;
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return false;
      }
      throw e;
    }
  }

  private static String sha256(byte[] bytes) throws Throwable {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
