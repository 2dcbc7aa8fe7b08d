package org.gradphoto.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for asynchronous work (relays, consumers) without fixed sleeps. */
public final class Eventually {
  private Eventually() {}

  /** Polls until the supplier returns the expected value; returns the last value seen. */
  public static <T> T await(Supplier<T> probe, T expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!expected.equals(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
      last = probe.get();
    }
    return last;
  }
}
