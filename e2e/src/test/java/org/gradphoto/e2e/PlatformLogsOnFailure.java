package org.gradphoto.e2e;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the tails of the platform's logs at the first failed test of each test class. */
final class PlatformLogsOnFailure implements TestWatcher {
  private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (PRINTED.add(context.getRequiredTestClass().getName())) {
      System.out.println(
          "[e2e] "
              + context.getRequiredTestClass().getSimpleName()
              + " › "
              + context.getDisplayName()
              + " failed; the platform's logs (.local/logs) end with:\n"
              + Platform.logTails(40));
    }
  }
}
