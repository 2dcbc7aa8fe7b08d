package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.kernel.crypto.Sealer;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 9: the token-signing key rotates without a restart. %test refreshes the keys
 * every second (key-refresh PT1S: published 2 s before use). "Another replica" is this test writing
 * to signing_key what another replica's rotation writes; the key ages are moved back in time
 * instead of waiting days.
 */
@QuarkusTest
class SigningKeyRotationTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject Pool pool;
  @Inject Sealer sealer;

  @Test
  void
      a_key_another_replica_made_signs_here_without_restart_and_the_old_one_verifies_until_retired()
          throws Exception {
    Fixtures.Student before = Fixtures.student();
    String oldKid = kid(before.token());
    assertTrue(signingKids().contains(oldKid), "the signing key is stored");

    // Another replica rotated a while ago (its key published for longer than twice the refresh,
    // and newer than the key this one signed with: that one is moved back a minute first).
    pool.query("update signing_key set created_at = created_at - interval '1 minute'")
        .execute()
        .await()
        .indefinitely();
    String newKid = UUID.randomUUID().toString();
    KeyPair pair = KeyPairGenerator.getInstance("RSA").genKeyPair();
    pool.preparedQuery(
            "insert into signing_key (kid, public_key, private_key_sealed, created_at)"
                + " values ($1, $2, $3, now() - interval '10 seconds')")
        .execute(
            Tuple.of(
                newKid,
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                sealer.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))))
        .await()
        .indefinitely();

    Fixtures.Student after = until(() -> Fixtures.student(), s -> kid(s.token()).equals(newKid));
    assertTrue(jwksKids().containsAll(List.of(oldKid, newKid)), "both keys verify meanwhile");
    // Both tokens are accepted (identity verifies its student tokens through its own JWKS).
    for (Fixtures.Student s : List.of(before, after)) {
      given().auth().oauth2(s.token()).get("/students/me/collections").then().statusCode(200);
    }

    // Every token the old key signed has expired: the new key has signed for longer than a
    // token lives (PT2H) — the old key leaves the JWKS, the new one stays. (All keys age alike.)
    pool.query("update signing_key set created_at = created_at - interval '3 hours'")
        .execute()
        .await()
        .indefinitely();
    until(this::jwksKids, kids -> !kids.contains(oldKid));
    assertTrue(jwksKids().contains(newKid));
    assertNotEquals(null, retiredAt(oldKid), "the old key is retired, not deleted");

    // The new key grows old (key-rotation P30D): this replica adds the next key, published in the
    // JWKS before anyone signs with it; the current key keeps verifying.
    pool.preparedQuery(
            "update signing_key set created_at = now() - interval '31 days' where kid = $1")
        .execute(Tuple.of(newKid))
        .await()
        .indefinitely();
    List<String> published = until(this::jwksKids, kids -> kids.size() == 2);
    String nextKid = published.stream().filter(k -> !k.equals(newKid)).findFirst().orElseThrow();
    until(() -> Fixtures.student(), s -> kid(s.token()).equals(nextKid));
    given().auth().oauth2(after.token()).get("/students/me/collections").then().statusCode(200);
    assertTrue(jwksKids().containsAll(List.of(newKid, nextKid)), "the previous key still verifies");
  }

  private static String kid(String jwt) {
    return new JsonObject(
            new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
        .getString("kid");
  }

  private List<String> jwksKids() {
    List<String> kids = given().get("/auth/jwks").then().statusCode(200).extract().path("keys.kid");
    return kids;
  }

  private List<String> signingKids() {
    List<String> kids = new ArrayList<>();
    for (Row r :
        pool.query("select kid from signing_key where retired_at is null")
            .execute()
            .await()
            .indefinitely()) {
      kids.add(r.getString("kid"));
    }
    return kids;
  }

  private Object retiredAt(String kid) {
    for (Row r :
        pool.preparedQuery("select retired_at from signing_key where kid = $1")
            .execute(Tuple.of(kid))
            .await()
            .indefinitely()) {
      return r.getOffsetDateTime("retired_at");
    }
    return null;
  }

  /** Asks again until the answer fits (each replica looks at the keys once a second here). */
  private static <T> T until(Supplier<T> ask, java.util.function.Predicate<T> fits)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = ask.get();
    while (!fits.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + last + " after " + WAIT);
      }
      Thread.sleep(200);
      last = ask.get();
    }
    return last;
  }
}
