package org.gradphoto.capture.adapter.out.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedWorkPoolTest {

  @Test
  void work_beyond_workers_plus_queue_is_refused_at_once_and_the_rest_completes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 2)) {
      CompletableFuture<Integer> running = pool.submit(() -> wait(release, 1));
      CompletableFuture<Integer> queued1 = pool.submit(() -> wait(release, 2));
      CompletableFuture<Integer> queued2 = pool.submit(() -> wait(release, 3));
      CompletableFuture<Integer> refused = pool.submit(() -> 4);

      assertTrue(refused.isCompletedExceptionally());
      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, refused::get);
      assertInstanceOf(RejectedExecutionException.class, e.getCause());

      release.countDown();
      assertEquals(1, running.get(5, TimeUnit.SECONDS));
      assertEquals(2, queued1.get(5, TimeUnit.SECONDS));
      assertEquals(3, queued2.get(5, TimeUnit.SECONDS));
      assertEquals(5, pool.submit(() -> 5).get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void a_failing_task_fails_its_future_only() throws Exception {
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 1)) {
      CompletableFuture<Integer> failed =
          pool.submit(
              () -> {
                throw new IllegalStateException("boom");
              });
      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals(7, pool.submit(() -> 7).get(5, TimeUnit.SECONDS));
    }
  }

  private static int wait(CountDownLatch latch, int value) throws InterruptedException {
    latch.await(5, TimeUnit.SECONDS);
    return value;
  }
}
