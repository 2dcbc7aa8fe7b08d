package org.gradphoto.localwechat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Misbehaviour on demand: the next calls to a path fail the way WeChat's servers fail. {@code
 * ERROR} answers 500 and does nothing; {@code TIMEOUT} hangs for the delay and does nothing; {@code
 * SLOW} does the work and answers only after the delay (the caller times out although the call
 * succeeded, the case that must not lose money).
 */
final class Faults {
  enum Kind {
    ERROR,
    TIMEOUT,
    SLOW
  }

  record Fault(String pathPrefix, Kind kind, Duration delay, int[] remaining) {}

  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  void add(String pathPrefix, Kind kind, Duration delay, int times) {
    faults.add(new Fault(pathPrefix, kind, delay, new int[] {times}));
  }

  void clear() {
    faults.clear();
  }

  /** The fault the call to this path meets now, counting it down; null when it goes through. */
  Fault take(String path) {
    for (Fault f : faults) {
      if (path.startsWith(f.pathPrefix())) {
        synchronized (f) {
          if (f.remaining()[0] > 0) {
            f.remaining()[0]--;
            if (f.remaining()[0] == 0) {
              faults.remove(f);
            }
            return f;
          }
        }
      }
    }
    return null;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
