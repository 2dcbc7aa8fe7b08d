package org.gradphoto.kernel.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradphoto.testsupport.RealS3;
import org.junit.jupiter.api.Test;

/**
 * The kernel's S3 client set-up against a real S3 server, a closed port, a server that accepts and
 * never answers, and one that answers a byte at a time without end.
 */
class S3ClientsTest {
  /** Far beyond every timeout used here: a call still running then would never have ended. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  @Test
  void objects_go_in_and_come_out_and_a_missing_key_is_a_refusal_not_an_outage() {
    S3Clients s3 = S3Clients.of(settings(RealS3.endpoint(), Duration.ofSeconds(10)));
    String bucket = "kernel-test";
    byte[] bytes = "照片".getBytes(StandardCharsets.UTF_8);
    s3.call(
        bucket,
        () -> {
          if (!s3.client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            s3.client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
          }
          return s3.client()
              .putObject(
                  PutObjectArgs.builder()
                      .bucket(bucket)
                      .object("a/b.txt")
                      .data(bytes, bytes.length)
                      .build());
        });
    byte[] back = s3.call("a/b.txt", () -> read(s3, bucket, "a/b.txt"));
    assertArrayEquals(bytes, back);

    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class, () -> s3.call("nope", () -> read(s3, bucket, "nope")));
    assertFalse(S3Clients.unavailable(missing));
    assertEquals("NoSuchKey", ((ErrorResponseException) missing.getCause()).errorResponse().code());
  }

  @Test
  void a_store_that_is_down_is_unavailable_with_the_retry_after_of_the_settings() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    S3Clients s3 = S3Clients.of(settings("http://localhost:" + port, Duration.ofSeconds(10)));
    StorageUnavailable e =
        assertThrows(
            StorageUnavailable.class, () -> s3.call("x", () -> read(s3, "some-bucket", "x")));
    assertEquals(Duration.ofSeconds(7), e.retryAfter());
  }

  @Test
  void a_store_that_accepts_and_never_answers_ends_at_the_read_timeout() throws Exception {
    // The deadline is 5 minutes: only the read timeout can end the call before the guard.
    assertUnavailableBeforeTheGuard(null, Duration.ofMillis(300), Duration.ofMinutes(5));
  }

  @Test
  void a_store_that_trickles_its_answer_ends_at_the_call_deadline() throws Exception {
    // Answers a header byte every 50 ms: the read timeout (5 min) never fires, the deadline must.
    assertUnavailableBeforeTheGuard(
        "HTTP/1.1 200 OK\r\nX-Slow: ", Duration.ofMinutes(5), Duration.ofSeconds(1));
  }

  /** A server that accepts and answers {@code head} (or nothing) must fail the call in time. */
  private static void assertUnavailableBeforeTheGuard(String head, Duration read, Duration call)
      throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = acceptor(server, held, head);
      S3Clients s3 =
          S3Clients.of(new Settings("http://localhost:" + server.getLocalPort(), read, call));
      assertTimeoutPreemptively(
          GUARD,
          () ->
              assertThrows(
                  StorageUnavailable.class,
                  () -> s3.call("x", () -> read(s3, "some-bucket", "x"))));
      acceptor.interrupt();
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  private static byte[] read(S3Clients s3, String bucket, String key) throws Exception {
    try (GetObjectResponse in =
        s3.client().getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
      return in.readAllBytes();
    }
  }

  /** Accepts connections; reads nothing; when {@code head} is set, sends it, then 'a' forever. */
  private static Thread acceptor(ServerSocket server, List<Socket> held, String head) {
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Socket s = server.accept();
                      synchronized (held) {
                        held.add(s);
                      }
                      if (head != null) {
                        Thread.ofVirtual().start(() -> trickle(s, head));
                      }
                    } catch (IOException closed) {
                      return;
                    }
                  }
                });
    return t;
  }

  private static void trickle(Socket s, String head) {
    try (s) {
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write('a');
        out.flush();
        Thread.sleep(50);
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up
    }
  }

  private static S3Settings settings(String endpoint, Duration call) {
    return new Settings(endpoint, Duration.ofSeconds(5), call);
  }

  private record Settings(String endpoint, Duration readTimeout, Duration callTimeout)
      implements S3Settings {
    @Override
    public String accessKey() {
      return RealS3.ACCESS_KEY;
    }

    @Override
    public String secretKey() {
      return RealS3.SECRET_KEY;
    }

    @Override
    public Optional<String> publicEndpoint() {
      return Optional.empty();
    }

    @Override
    public String region() {
      return "us-east-1";
    }

    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(2);
    }

    @Override
    public Duration writeTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public Duration retryAfter() {
      return Duration.ofSeconds(7);
    }
  }
}
