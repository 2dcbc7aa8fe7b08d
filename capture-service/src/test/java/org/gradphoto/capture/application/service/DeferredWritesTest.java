package org.gradphoto.capture.application.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.junit.jupiter.api.Test;

/** Objects written after the answer: readers and deleters wait for them, a failure is seen. */
class DeferredWritesTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Object store of one test: puts block until released, and may fail a number of times. */
  static final class HeldStorage implements PhotoStorage {
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, String> types = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger puts = new AtomicInteger();

    @Override
    public Uni<Void> put(String key, byte[] bytes, String mediaType) {
      return Uni.createFrom()
          .item(
              () -> {
                puts.incrementAndGet();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                if (failuresLeft.getAndDecrement() > 0) {
                  throw new IllegalStateException("store down");
                }
                objects.put(key, bytes);
                types.put(key, mediaType);
                return null;
              })
          .replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(String key) {
      return Uni.createFrom().item(objects.get(key));
    }

    @Override
    public Uni<Boolean> exists(String key) {
      return Uni.createFrom().item(objects.containsKey(key));
    }

    @Override
    public Uni<Void> delete(List<String> keys) {
      keys.forEach(objects::remove);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<String> presignGet(String key, Duration ttl) {
      return Uni.createFrom().item("https://store.example.com/" + key);
    }
  }

  private static String key(UUID attempt) {
    return "collections/c/" + attempt + "/0123/cutout.png";
  }

  @Test
  void theAttemptsCutOutIsAwaitedAndEncodedOnlyInTheBackground() throws Exception {
    HeldStorage storage = new HeldStorage();
    DeferredWrites writes = new DeferredWrites(storage);
    UUID attempt = UUID.randomUUID();
    CountDownLatch encoded = new CountDownLatch(1);
    writes.start(
        key(attempt),
        () -> {
          encoded.countDown();
          return new byte[] {1, 2, 3};
        },
        "image/png");
    assertTrue(encoded.await(10, TimeUnit.SECONDS), "encoded on a worker, without a caller");
    var waiting = writes.written(attempt).subscribeAsCompletionStage();
    Thread.sleep(100);
    assertFalse(waiting.toCompletableFuture().isDone(), "must wait while the write runs");
    // Another attempt's reader does not wait for this one.
    writes.written(UUID.randomUUID()).await().atMost(WAIT);
    storage.release.countDown();
    waiting.toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertArrayEquals(new byte[] {1, 2, 3}, storage.objects.get(key(attempt)));
  }

  @Test
  void anUploadsOriginalIsAwaitedByItsAttemptsReadersLikeItsCutOut() throws Exception {
    HeldStorage storage = new HeldStorage();
    DeferredWrites writes = new DeferredWrites(storage);
    UUID collection = UUID.randomUUID();
    UUID attempt = UUID.randomUUID();
    // The key as an upload makes it (originals/ prefix, random folder).
    String original = PhotoKeys.original(collection, attempt, "jpg");
    writes.start(original, () -> new byte[] {4, 5}, "image/jpeg");
    var submit = writes.written(attempt).subscribeAsCompletionStage();
    var delete = writes.settled(List.of(original)).subscribeAsCompletionStage();
    Thread.sleep(100);
    assertFalse(submit.toCompletableFuture().isDone(), "submit must wait for the original");
    assertFalse(delete.toCompletableFuture().isDone(), "a deletion must wait for the original");
    writes.written(UUID.randomUUID()).await().atMost(WAIT);
    storage.release.countDown();
    submit.toCompletableFuture().get(10, TimeUnit.SECONDS);
    delete.toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertArrayEquals(new byte[] {4, 5}, storage.objects.get(original));
    assertEquals("image/jpeg", storage.types.get(original));
  }

  @Test
  void aDeletionWaitsForTheWriteSoNoObjectIsLeftBehind() throws Exception {
    HeldStorage storage = new HeldStorage();
    DeferredWrites writes = new DeferredWrites(storage);
    UUID attempt = UUID.randomUUID();
    writes.start(key(attempt), () -> new byte[] {7}, "image/png");
    var settled = writes.settled(List.of("other", key(attempt))).subscribeAsCompletionStage();
    Thread.sleep(100);
    assertFalse(settled.toCompletableFuture().isDone());
    storage.release.countDown();
    settled.toCompletableFuture().get(10, TimeUnit.SECONDS);
    storage.delete(List.of(key(attempt))).await().atMost(WAIT);
    assertTrue(storage.objects.isEmpty());
  }

  @Test
  void aFailedWriteIsRetriedAndAFinalFailureReachesTheReader() throws Exception {
    HeldStorage once = new HeldStorage();
    once.failuresLeft.set(1);
    once.release.countDown();
    DeferredWrites retried = new DeferredWrites(once);
    UUID a = UUID.randomUUID();
    var ok = retried.written(a);
    retried.start(key(a), () -> new byte[] {9}, "image/png");
    retried.written(a).await().atMost(WAIT);
    assertEquals(2, once.puts.get(), "one failure, one retry");
    assertTrue(once.objects.containsKey(key(a)));
    ok.await().atMost(WAIT); // subscribed before the write started: nothing to wait for

    HeldStorage down = new HeldStorage();
    down.failuresLeft.set(100);
    DeferredWrites failing = new DeferredWrites(down);
    UUID b = UUID.randomUUID();
    failing.start(key(b), () -> new byte[] {9}, "image/png");
    var reader = failing.written(b).subscribeAsCompletionStage();
    down.release.countDown();
    assertThrows(Exception.class, () -> reader.toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertEquals(3, down.puts.get(), "first try and two retries");
  }
}
