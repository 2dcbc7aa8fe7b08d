package org.gradphoto.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Programs a test needs from the OS packages (Chromium for the browser tests). A fresh machine has
 * none of them, and `mvn verify` is the one test command, so a test running as root installs what
 * is missing with apt-get instead of failing; as any other user it fails with the command to run.
 */
public final class OsPackages {
  private OsPackages() {}

  /** The executable at {@code path}, after installing {@code debianPackage} if it is missing. */
  public static Path require(Path path, String debianPackage) {
    if (Files.isExecutable(path)) {
      return path;
    }
    if (!isRoot()) {
      throw new AssertionError(
          path + " is missing: install it with `sudo apt-get install -y " + debianPackage + "`");
    }
    // The dpkg lock may be held by another build on the same machine: wait for it.
    run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-q"));
    run(
        List.of(
            "apt-get",
            "-o",
            "DPkg::Lock::Timeout=600",
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            debianPackage));
    if (!Files.isExecutable(path)) {
      throw new AssertionError(debianPackage + " was installed but " + path + " is still missing");
    }
    return path;
  }

  private static boolean isRoot() {
    try {
      Process id = new ProcessBuilder("id", "-u").start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      id.waitFor();
      return uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", command) + " could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(String.join(" ", command) + " was interrupted", e);
    }
  }
}
