package org.gradphoto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.crypto.Sealer;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 9: after a sealing-key rotation (%test: active key "1", previous key "0") the
 * values sealed under the old key are sealed again under the new one in the background, while the
 * service keeps answering, so the old key can be dropped.
 */
@QuarkusTest
class KeyRotationResealTest {
  /** The previous key of %test (gradphoto.id.enc-key-previous), as the service held it before. */
  private static final Sealer BEFORE =
      Sealer.ring("0:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", List.of());

  @Inject Pool pool;
  @Inject Sealer sealer;

  @Test
  void values_sealed_under_the_previous_key_are_sealed_again_under_the_active_one()
      throws Exception {
    // A student and the signing key as the service stored them before the rotation.
    Fixtures.student(); // a signing key exists
    UUID student = UUID.randomUUID();
    String openid = "openid-before-rotation-" + student;
    pool.preparedQuery(
            "insert into student (id, created_at, last_login_at, openid_hash, openid_sealed)"
                + " values ($1, now(), now(), $2, $3)")
        .execute(Tuple.of(student, "hash-" + student, BEFORE.seal(openid)))
        .await()
        .indefinitely();
    Row key =
        pool.query(
                "select kid, private_key_sealed from signing_key where retired_at is null limit 1")
            .execute()
            .await()
            .indefinitely()
            .iterator()
            .next();
    String privateKey = sealer.open(key.getString("private_key_sealed"));
    pool.preparedQuery("update signing_key set private_key_sealed = $1 where kid = $2")
        .execute(Tuple.of(BEFORE.seal(privateKey), key.getString("kid")))
        .await()
        .indefinitely();

    String openidSealed = until(() -> value("student", "id", student, "openid_sealed"));
    String keySealed =
        until(() -> value("signing_key", "kid", key.getString("kid"), "private_key_sealed"));

    assertEquals(openid, sealer.open(openidSealed));
    assertEquals(privateKey, sealer.open(keySealed));
    // Under the new key: the old key alone no longer opens them.
    assertThrows(RuntimeException.class, () -> BEFORE.open(openidSealed));
    assertThrows(RuntimeException.class, () -> BEFORE.open(keySealed));
    // The service signs on meanwhile (its signing key was resealed under it).
    assertTrue(Fixtures.student().token().split("\\.").length == 3);
  }

  private String value(String table, String id, Object key, String column) {
    return pool.preparedQuery("select " + column + " from " + table + " where " + id + " = $1")
        .execute(Tuple.of(key))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getString(column);
  }

  /** The value once it is sealed under the active key (the scheduler runs every second here). */
  private String until(java.util.function.Supplier<String> read) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    String v = read.get();
    while (!sealer.isCurrent(v)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not resealed after 30 s: " + v.substring(0, 5));
      }
      Thread.sleep(200);
      v = read.get();
    }
    return v;
  }
}
