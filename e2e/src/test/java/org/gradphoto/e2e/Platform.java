package org.gradphoto.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The local platform as the tests see it: addresses, HTTP, child processes and the logs. */
final class Platform {
  static final String GATEWAY = env("GATEWAY_URL", "http://localhost:8080");
  static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");
  static final String REALM = "gradphoto";
  static final String CLIENT = "staff-console";
  static final List<String> SERVICES =
      List.of("identity", "payment", "capture", "review", "delivery");

  static final Path REPO =
      Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();
  static final Path REPORTS =
      Path.of(System.getProperty("e2e.reports", "target/e2e")).toAbsolutePath().normalize();
  static final Path LOGS = REPO.resolve(".local/logs");

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Platform() {}

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v.replaceAll("/+$", "");
  }

  // ------------------------------------------------------------------ HTTP

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + shorten(body), e);
      }
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + shorten(body);
    }
  }

  static String shorten(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return one.length() > 400 ? one.substring(0, 400) + "…" : one;
  }

  static Answer get(String url, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
    b.header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  /** {@code application/x-www-form-urlencoded} of these fields. */
  static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Answer postForm(String url, Map<String, String> form) {
    String body = formBody(form);
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static Answer postJson(String url, String token, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A staff access token from Keycloak, signed in as the console does (code + PKCE). */
  static String staffToken(String user, String password) {
    return StaffSignIn.accessToken(user, password);
  }

  // ------------------------------------------------------------------ child processes

  /**
   * Runs a command, its output (stdout and stderr) shown live with a prefix and kept in {@code
   * log}; fails on a non-zero exit or when it takes longer than {@code timeout} (the whole process
   * tree is ended then).
   */
  static void run(
      String what, Path dir, Map<String, String> env, Duration timeout, Path log, String... cmd)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    System.out.printf("[e2e] %s: %s (in %s, log %s)%n", what, String.join(" ", cmd), dir, log);
    long t0 = System.nanoTime();
    Process p = pb.start();
    List<String> tail = new ArrayList<>();
    Thread pump =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (var in =
                          new BufferedReader(
                              new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                      var out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                      out.println(line);
                      System.out.println("  | " + line);
                      synchronized (tail) {
                        tail.add(line);
                        if (tail.size() > 60) {
                          tail.remove(0);
                        }
                      }
                    }
                  } catch (IOException e) {
                    System.out.println("[e2e] output of " + what + " lost: " + e);
                  }
                });
    boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    pump.join(5000);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    System.out.printf(
        "[e2e] %s: %s after %ds%n", what, done ? "exit " + p.exitValue() : "timed out", seconds);
    if (!done || p.exitValue() != 0) {
      String last;
      synchronized (tail) {
        last = String.join("\n    ", tail.subList(Math.max(0, tail.size() - 25), tail.size()));
      }
      throw new AssertionError(
          what
              + (done ? " failed (exit " + p.exitValue() + ")" : " timed out after " + timeout)
              + " — full output in "
              + log
              + "; last lines:\n    "
              + last);
    }
  }

  /** Chromium from the OS package (installed with apt-get when missing and running as root). */
  static String chromium() throws IOException, InterruptedException {
    String path = env("CHROMIUM", "/usr/bin/chromium");
    if (Files.isExecutable(Path.of(path))) {
      return path;
    }
    if (!"/usr/bin/chromium".equals(path)) {
      throw new AssertionError("CHROMIUM=" + path + " is not an executable");
    }
    Process id = new ProcessBuilder("id", "-u").start();
    boolean root =
        new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().equals("0");
    id.waitFor();
    if (!root) {
      throw new AssertionError("/usr/bin/chromium is missing: sudo apt-get install -y chromium");
    }
    Path log = REPORTS.resolve("apt-chromium.log");
    run("apt-get update", REPO, Map.of(), Duration.ofMinutes(5), log, "apt-get", "update", "-q");
    run(
        "apt-get install chromium",
        REPO,
        Map.of("DEBIAN_FRONTEND", "noninteractive"),
        Duration.ofMinutes(15),
        REPORTS.resolve("apt-chromium-install.log"),
        "apt-get",
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
        "chromium");
    return path;
  }

  // ------------------------------------------------------------------ logs

  /** The last lines of the platform's logs (.local/logs), as a failure needs them. */
  static String logTails(int lines) {
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    SERVICES.forEach(s -> names.add(s + "-service.log"));
    names.addAll(
        List.of("nginx-error.log", "keycloak.log", "kafka.log", "s3proxy.log", "postgres.log"));
    for (String name : names) {
      Path f = LOGS.resolve(name);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try {
        List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
        out.append("---- last ").append(lines).append(" lines of ").append(f).append(" ----\n");
        all.subList(Math.max(0, all.size() - lines), all.size())
            .forEach(l -> out.append("    ").append(l).append('\n'));
      } catch (IOException e) {
        out.append("---- ").append(f).append(": ").append(e).append('\n');
      }
    }
    return out.toString();
  }
}
