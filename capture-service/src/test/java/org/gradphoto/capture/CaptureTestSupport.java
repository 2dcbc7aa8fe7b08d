package org.gradphoto.capture;

import static io.restassured.RestAssured.given;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.RealS3;
import org.gradphoto.testsupport.StudentTokens;

/** Shared steps of the capture tests: events in, uploads, tokens, the bucket. */
final class CaptureTestSupport {
  static final String SCHOOL = "10999";
  static final String BUCKET = "gradphoto-photos";

  private CaptureTestSupport() {}

  static void awaitReady() {
    int status =
        Eventually.await(
            () -> given().get("/q/health/ready").statusCode(), 200, Duration.ofSeconds(60));
    if (status != 200) {
      throw new AssertionError("capture-service did not become ready: " + status);
    }
  }

  static byte[] portrait(String name) {
    try (InputStream in = CaptureTestSupport.class.getResourceAsStream("/portraits/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A batch for tests: small window floor (the portraits are ~50 KB), two colours. */
  static void grantEligibility(
      UUID collectionId, UUID studentId, String policy, boolean allowSubmitWithFindings) {
    publish(
        Topics.IDENTITY_EVENTS,
        new EligibilityGranted(
            collectionId,
            studentId,
            UUID.randomUUID(),
            "2026 届本科",
            SCHOOL,
            "测试大学",
            UUID.randomUUID(),
            "2022000001",
            "测试学生",
            "RESIDENT_ID",
            "110105********1234",
            "sealed",
            "BACHELOR",
            3000,
            policy,
            "chsi-graduation",
            "PT24H",
            allowSubmitWithFindings,
            List.of("#64C5FF", "white"),
            10 * 1024,
            20 * 1024 * 1024,
            Instant.now().plus(Duration.ofDays(30))),
        collectionId);
  }

  static void confirmPayment(UUID collectionId) {
    publish(
        Topics.PAYMENT_EVENTS,
        new PaymentConfirmed(UUID.randomUUID(), collectionId, 3000, "wx-1", Instant.now()),
        collectionId);
  }

  static void publish(String topic, EventPayload payload, UUID collectionId) {
    KafkaProbe.send(
        topic,
        collectionId.toString(),
        EventJson.write(EventEnvelope.of(payload, collectionId.toString(), "test", Instant.now())));
  }

  /** Waits until the collection's phase is the expected one; returns the last status seen. */
  static String awaitPhase(UUID studentId, UUID collectionId, String phase) {
    return Eventually.await(
        () -> {
          Response r = asStudent(studentId).get("/collections/" + collectionId);
          return r.statusCode() == 200 ? r.jsonPath().getString("phase") : "HTTP " + r.statusCode();
        },
        phase,
        Duration.ofSeconds(20));
  }

  static RequestSpecification asStudent(UUID studentId) {
    return given().auth().oauth2(StudentTokens.forStudent(studentId));
  }

  static RequestSpecification asStaff(String role, String... schools) {
    String token =
        Jwt.preferredUserName("staff-" + role)
            .groups(Set.of(role))
            .claim("schools", List.of(schools))
            .issuer("https://server.example.com")
            .audience("https://service.example.com")
            .sign();
    return given().auth().oauth2(token);
  }

  static Response upload(UUID studentId, UUID collectionId, byte[] photo) {
    return asStudent(studentId)
        .multiPart("photo", "photo.jpg", photo, "image/jpeg")
        .post("/collections/" + collectionId + "/attempts");
  }

  /**
   * GETs a presigned URL as a browser would (rest-assured re-encodes the query and breaks the
   * signature); fails unless the answer is 200.
   */
  static byte[] fetch(String url) {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      java.net.http.HttpResponse<byte[]> r =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + url + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static MinioClient s3() {
    return MinioClient.builder()
        .endpoint(RealS3.endpoint())
        .region("us-east-1")
        .credentials(RealS3.ACCESS_KEY, RealS3.SECRET_KEY)
        .build();
  }

  /** Key prefix of every original (the lifecycle rule of deploy/helm expires by it). */
  static final String ORIGINALS = "originals/";

  /**
   * The collection's keys once there are {@code count} of them (an upload's original and cut-out
   * are written after its answer), or whatever is stored after 20 s.
   */
  static List<String> storedKeys(UUID collectionId, int count) {
    Eventually.await(() -> storedKeys(collectionId).size(), count, Duration.ofSeconds(20));
    return storedKeys(collectionId);
  }

  /** Every object key stored for the collection: its renderings and its originals. */
  static List<String> storedKeys(UUID collectionId) {
    List<String> keys = new ArrayList<>();
    String renderings = "collections/" + collectionId + "/";
    for (String prefix : List.of(renderings, ORIGINALS + renderings)) {
      try {
        for (Result<Item> r :
            s3().listObjects(
                    ListObjectsArgs.builder()
                        .bucket(BUCKET)
                        .prefix(prefix)
                        .recursive(true)
                        .build())) {
          keys.add(r.get().objectName());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return keys;
  }

  /**
   * A valid, complete 20,000 × 20,000 PNG (1-bit grey, all black): about 60 KB on the wire, 1.2 GB
   * once decoded to colour — the decompression bomb the service must refuse unread.
   */
  static byte[] hugePng() {
    int side = 20_000;
    try {
      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      try (DeflaterOutputStream z =
          new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED))) {
        byte[] row = new byte[1 + side / 8];
        for (int y = 0; y < side; y++) {
          z.write(row);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteBuffer ihdr = ByteBuffer.allocate(13);
      ihdr.putInt(side).putInt(side).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0);
      ihdr.put((byte) 0);
      chunk(png, "IHDR", ihdr.array());
      chunk(png, "IDAT", idat.toByteArray());
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
