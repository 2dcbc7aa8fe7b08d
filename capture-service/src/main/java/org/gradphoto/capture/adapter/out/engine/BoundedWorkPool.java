package org.gradphoto.capture.adapter.out.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of worker threads behind a bounded queue. Work beyond the queue is refused at once
 * (the returned future fails with {@link RejectedExecutionException}) so a burst can never hold
 * more uploads in memory than {@code workers + queueCapacity}.
 */
final class BoundedWorkPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  BoundedWorkPool(String name, int workers, int queueCapacity) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queueCapacity)),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  <T> CompletableFuture<T> submit(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              result.complete(work.call());
            } catch (Throwable e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException full) {
      result.completeExceptionally(full);
    }
    return result;
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
    executor.shutdownNow();
  }
}
