package org.gradphoto.kernel.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContextResumeTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private record Seen(String workThread, Context resumedOn, String resumedThread, String value) {}

  /**
   * Subscribes to what {@code make} builds from inside {@code context}, as a reactive caller would.
   */
  private static Seen runOn(
      Context context, java.util.function.Function<AtomicReference<String>, Uni<String>> make)
      throws Exception {
    CompletableFuture<Seen> seen = new CompletableFuture<>();
    AtomicReference<String> workThread = new AtomicReference<>();
    context.runOnContext(
        ignored ->
            make.apply(workThread)
                .subscribe()
                .with(
                    value ->
                        seen.complete(
                            new Seen(
                                workThread.get(),
                                Vertx.currentContext(),
                                Thread.currentThread().getName(),
                                value)),
                    seen::completeExceptionally));
    return seen.get(10, TimeUnit.SECONDS);
  }

  @Test
  void offloadedWorkRunsOffTheEventLoopAndTheResultComesBackOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<String> loop = new CompletableFuture<>();
    context.runOnContext(ignored -> loop.complete(Thread.currentThread().getName()));
    String loopThread = loop.get(10, TimeUnit.SECONDS);

    Seen seen =
        runOn(
            context,
            workThread ->
                ContextResume.offload(
                    () -> {
                      workThread.set(Thread.currentThread().getName());
                      return "done";
                    }));

    assertEquals("done", seen.value());
    assertNotEquals(loopThread, seen.workThread(), "the blocking work ran on the event loop");
    assertSame(context, seen.resumedOn());
    assertEquals(loopThread, seen.resumedThread());
  }

  @Test
  void workOffloadedToItsOwnExecutorAlsoComesBackOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    var executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "own-queue"));
    try {
      Seen seen =
          runOn(
              context,
              workThread ->
                  ContextResume.onCallerContext(
                      Uni.createFrom()
                          .item(
                              () -> {
                                workThread.set(Thread.currentThread().getName());
                                return "rendered";
                              })
                          .runSubscriptionOn(executor)));

      assertEquals("own-queue", seen.workThread());
      assertSame(context, seen.resumedOn());
      assertEquals("rendered", seen.value());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void withoutAContextTheResultIsDeliveredWhereItWasProduced() {
    String caller = Thread.currentThread().getName();
    AtomicReference<String> resumed = new AtomicReference<>();

    String value =
        ContextResume.offload(() -> "plain")
            .invoke(() -> resumed.set(Thread.currentThread().getName()))
            .await()
            .atMost(Duration.ofSeconds(10));

    assertEquals("plain", value);
    assertTrue(resumed.get() != null && !resumed.get().equals(caller));
  }
}
