package org.gradphoto.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A real S3 server (S3Proxy over the file system) as a child process of the test JVM. Loading it
 * into the test JVM would drag Jetty and cloud SDKs onto the classpath, so it runs beside it.
 */
public final class RealS3 {
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-" + UUID.randomUUID();

  private static Process process;
  private static String endpoint;
  private static Path properties;
  private static boolean stopped;

  private RealS3() {}

  public static synchronized String endpoint() {
    if (process == null) {
      start();
    }
    return endpoint;
  }

  /**
   * Stops the server as an outage would (the process is killed: open connections drop, new ones are
   * refused), keeping its objects for {@link #startAgain()}. A test that calls it must call {@link
   * #startAgain()} in a {@code finally}: the server is shared by every test of the JVM.
   */
  public static synchronized void stopForOutage() {
    endpoint();
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    stopped = true;
  }

  /** Starts the server stopped by {@link #stopForOutage()} again: same port, same objects. */
  public static synchronized void startAgain() {
    if (!stopped) {
      throw new IllegalStateException("S3Proxy was not stopped");
    }
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start S3Proxy again", e);
    }
    stopped = false;
  }

  private static void start() {
    try {
      int port = freePort();
      Path dir = Files.createTempDirectory("s3proxy");
      Path props = dir.resolve("s3proxy.properties");
      // Presigned URLs are valid only for the host they were signed for: always use localhost.
      endpoint = "http://localhost:" + port;
      Files.writeString(
          props,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "s3proxy.cors-allow-all=true",
              "jclouds.provider=filesystem-nio2",
              "jclouds.identity=" + ACCESS_KEY,
              "jclouds.credential=" + SECRET_KEY,
              "jclouds.filesystem.basedir=" + Files.createDirectories(dir.resolve("data")),
              ""));
      properties = props;
      launch();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start S3Proxy", e);
    }
  }

  private static void launch() throws IOException {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "S3Proxy jar not found at " + jar + "; build through Maven so test-support fetches it");
    }
    Path log = properties.resolveSibling("s3proxy.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    process =
        new ProcessBuilder(
                List.of(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    waitUntilUp(Duration.ofSeconds(30), log);
  }

  private static void waitUntilUp(Duration timeout, Path log) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        c.setConnectTimeout(200);
        c.getResponseCode();
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("S3Proxy did not start in " + timeout);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
