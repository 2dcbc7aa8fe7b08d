package org.gradphoto.capture.adapter.out.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedWorkPoolTest {

  @Test
  void work_beyond_workers_plus_queue_is_refused_at_once_and_the_rest_completes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 2, Duration.ofSeconds(30))) {
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
  void work_that_waited_the_longest_allowed_time_is_refused_unrun_and_frees_its_place()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean lateOneRan = new AtomicBoolean();
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 1, Duration.ofMillis(200))) {
      CompletableFuture<Integer> running = pool.submit(() -> wait(release, 1));
      CompletableFuture<Integer> late =
          pool.submit(
              () -> {
                lateOneRan.set(true);
                return 2;
              });
      assertTrue(pool.hasRoom() == false, "one running and one queued fill this pool");

      ExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> late.get(5, TimeUnit.SECONDS));
      assertInstanceOf(BoundedWorkPool.WaitedTooLong.class, e.getCause());
      assertInstanceOf(RejectedExecutionException.class, e.getCause());
      // Its place in the queue is free again while the first one still runs.
      assertEquals(0, pool.queued());
      assertTrue(pool.hasRoom());
      CompletableFuture<Integer> next = pool.submit(() -> 3);

      release.countDown();
      assertEquals(1, running.get(5, TimeUnit.SECONDS));
      assertEquals(3, next.get(5, TimeUnit.SECONDS));
      assertTrue(!lateOneRan.get(), "the refused work must never run");
    }
  }

  @Test
  void work_a_worker_takes_in_time_is_not_cut_off_by_the_wait_limit() throws Exception {
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 1, Duration.ofMillis(100))) {
      // Runs longer than the wait limit: the limit is for waiting, not for working.
      assertEquals(
          4,
          pool.submit(
                  () -> {
                    Thread.sleep(400);
                    return 4;
                  })
              .get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void a_failing_task_fails_its_future_only() throws Exception {
    try (BoundedWorkPool pool = new BoundedWorkPool("t", 1, 1, Duration.ofSeconds(30))) {
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
