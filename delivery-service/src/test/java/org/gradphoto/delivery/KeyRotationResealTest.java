package org.gradphoto.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.crypto.Sealer;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 9: after a rotation of delivery's key (%test: the active key without an id, so
 * "1"; the previous key "0") the ID numbers and consent openids sealed under the old key are sealed
 * again under the new one in the background.
 */
@QuarkusTest
class KeyRotationResealTest {
  private static final Sealer BEFORE =
      Sealer.ring("0:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", List.of());

  @Inject Pool pool;

  @ConfigProperty(name = "gradphoto.id.delivery-key")
  String activeKey;

  @Test
  void values_sealed_under_the_previous_key_are_sealed_again_under_the_active_one()
      throws Exception {
    Sealer active = Sealer.ring(activeKey, List.of());
    UUID collection = UUID.randomUUID();
    UUID student = UUID.randomUUID();
    String id = "11010519491231002X";
    String openid = "o-reseal-" + student;
    pool.preparedQuery(
            "insert into delivery_collection (collection_id, status, updated_at, id_number_sealed)"
                + " values ($1, 'COLLECTING', now(), $2)")
        .execute(Tuple.of(collection, BEFORE.seal(id)))
        .await()
        .indefinitely();
    pool.preparedQuery(
            "insert into notification_consent (student_id, accepted, available, declined,"
                + " open_id_sealed) values ($1, 1, 1, 0, $2)")
        .execute(Tuple.of(student, BEFORE.seal(openid)))
        .await()
        .indefinitely();
    String sealedId =
        awaitCurrent(
            active,
            "select id_number_sealed from delivery_collection where collection_id = $1",
            collection);
    assertEquals(id, active.open(sealedId));
    assertThrows(RuntimeException.class, () -> BEFORE.open(sealedId));
    String sealedOpenid =
        awaitCurrent(
            active,
            "select open_id_sealed from notification_consent where student_id = $1",
            student);
    assertEquals(openid, active.open(sealedOpenid));
    assertThrows(RuntimeException.class, () -> BEFORE.open(sealedOpenid));
  }

  private String awaitCurrent(Sealer active, String sql, UUID id) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    String sealed = read(sql, id);
    while (!active.isCurrent(sealed)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not resealed after 30 s: " + sql);
      }
      Thread.sleep(200);
      sealed = read(sql, id);
    }
    return sealed;
  }

  private String read(String sql, UUID id) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(id))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getString(0);
  }
}
