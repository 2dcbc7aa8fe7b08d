package org.gradphoto.capture.adapter.out.engine;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of worker threads behind a bounded queue, with a bounded wait. Work beyond the
 * queue is refused at once (the returned future fails with {@link RejectedExecutionException}) so a
 * burst can never hold more uploads in memory than {@code workers + queueCapacity}; work that has
 * waited {@code maxWait} without a worker taking it is taken out of the queue and fails with {@link
 * WaitedTooLong}, so a client is told to come back instead of waiting without end when the host is
 * slower than the queue was sized for.
 */
final class BoundedWorkPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final ScheduledThreadPoolExecutor timeouts;
  private final long maxWaitNanos;

  BoundedWorkPool(String name, int workers, int queueCapacity, Duration maxWait) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queueCapacity)),
            r -> daemon(r, name + "-" + n.incrementAndGet()),
            new ThreadPoolExecutor.AbortPolicy());
    this.timeouts = new ScheduledThreadPoolExecutor(1, r -> daemon(r, name + "-timeouts"));
    this.timeouts.setRemoveOnCancelPolicy(true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  <T> CompletableFuture<T> submit(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    // Whoever flips it first owns the task: a worker runs it, or the timeout refuses it.
    AtomicBoolean claimed = new AtomicBoolean();
    ScheduledFuture<?>[] deadline = new ScheduledFuture<?>[1];
    Runnable task =
        () -> {
          if (!claimed.compareAndSet(false, true)) {
            return;
          }
          if (deadline[0] != null) {
            deadline[0].cancel(false);
          }
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        };
    try {
      executor.execute(task);
    } catch (RejectedExecutionException full) {
      result.completeExceptionally(full);
      return result;
    }
    if (!claimed.get()) {
      // A worker that claims the task before this is set leaves a deadline that finds it claimed.
      deadline[0] =
          timeouts.schedule(
              () -> {
                if (claimed.compareAndSet(false, true)) {
                  // Frees the queue slot and the upload's bytes now, not when a worker gets there.
                  executor.remove(task);
                  result.completeExceptionally(new WaitedTooLong());
                }
              },
              maxWaitNanos,
              TimeUnit.NANOSECONDS);
    }
    return result;
  }

  /** True when a submission now would be taken (a worker idle or a queue place free). */
  boolean hasRoom() {
    return executor.getActiveCount() < executor.getMaximumPoolSize()
        || executor.getQueue().remainingCapacity() > 0;
  }

  int queued() {
    return executor.getQueue().size();
  }

  int active() {
    return executor.getActiveCount();
  }

  int workers() {
    return executor.getMaximumPoolSize();
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
    executor.shutdownNow();
  }

  /** The work waited the longest allowed time in the queue and was not run. */
  static final class WaitedTooLong extends RejectedExecutionException {
    WaitedTooLong() {
      super("waited too long for a worker");
    }
  }
}
