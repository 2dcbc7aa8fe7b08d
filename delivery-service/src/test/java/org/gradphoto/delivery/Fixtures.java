package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.smallrye.jwt.build.Jwt;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gradphoto.delivery.adapter.out.imaging.Java2dPhotoImaging;
import org.gradphoto.kernel.crypto.Sealer;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.kernel.value.Masking;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.StudentTokens;

/** Test data as the other services would produce it: events, photos in the bucket, tokens. */
final class Fixtures {
  static final Color BLUE = new Color(100, 197, 255);
  static final Color MARKER = new Color(220, 20, 20);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fixtures() {}

  /** A student of a batch, as identity-service grants them. */
  record Student(
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String schoolCode,
      String studentNumber,
      String name,
      String idNumber,
      String profile) {
    static Student of(UUID batchId, String schoolCode, String number, String id, String profile) {
      return new Student(
          UUID.randomUUID(),
          UUID.randomUUID(),
          batchId,
          schoolCode,
          number,
          "学生" + number.substring(number.length() - 2),
          id,
          profile);
    }
  }

  static Sealer sealer() {
    return Sealer.fromBase64(
        ConfigProvider.getConfig().getValue("gradphoto.id.delivery-key", String.class));
  }

  static void publish(String topic, EventPayload payload, UUID aggregate) {
    KafkaProbe.send(
        topic,
        aggregate.toString(),
        EventJson.write(
            EventEnvelope.of(
                payload, aggregate.toString(), UUID.randomUUID().toString(), Instant.now())));
  }

  /**
   * Publishes EligibilityGranted and waits until delivery has recorded it: identity's and review's
   * topics are consumed independently, and a review result for an unknown collection is retried
   * only briefly before it is dead-lettered, so tests never race the two consumers.
   */
  static void grant(Student s) {
    publish(
        Topics.IDENTITY_EVENTS,
        new EligibilityGranted(
            s.collectionId(),
            s.studentId(),
            s.batchId(),
            "2027届本科毕业生",
            s.schoolCode(),
            "测试大学",
            UUID.randomUUID(),
            s.studentNumber(),
            s.name(),
            "RESIDENT_ID",
            Masking.maskIdNumber(s.idNumber()),
            sealer().seal(s.idNumber()),
            "BACHELOR",
            2000,
            EligibilityGranted.PAY_BEFORE_CAPTURE,
            s.profile(),
            "PT24H",
            false,
            List.of("#64C5FF"),
            20_000,
            2_000_000,
            Instant.now().plusSeconds(86_400)),
        s.collectionId());
    awaitStatus(s, "COLLECTING");
  }

  /** Stores a photo where capture-service would, then completes the collection. */
  static byte[] complete(Student s, int width, int height) {
    byte[] photo = photo(width, height);
    String key = "standardized/" + s.collectionId() + "/" + UUID.randomUUID() + ".jpg";
    putPhoto(key, photo);
    publish(
        Topics.REVIEW_EVENTS,
        new CollectionCompleted(
            s.collectionId(),
            UUID.randomUUID(),
            s.studentId(),
            s.batchId(),
            s.schoolCode(),
            s.profile(),
            key,
            Instant.now()),
        s.collectionId());
    return photo;
  }

  /** An even light-blue photo with a red square in its top-left corner (to see rotation). */
  static byte[] photo(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(MARKER);
    g.fillRect(0, 0, width / 5, width / 5);
    g.dispose();
    return Java2dPhotoImaging.encode(img, 300);
  }

  static MinioClient s3() {
    var c = ConfigProvider.getConfig();
    return MinioClient.builder()
        .endpoint(c.getValue("gradphoto.s3.endpoint", String.class))
        .region("us-east-1")
        .credentials(
            c.getValue("gradphoto.s3.access-key", String.class),
            c.getValue("gradphoto.s3.secret-key", String.class))
        .build();
  }

  static void putPhoto(String key, byte[] bytes) {
    try {
      s3().putObject(
              PutObjectArgs.builder()
                  .bucket("gradphoto-photos")
                  .object(key)
                  .data(bytes, bytes.length)
                  .contentType("image/jpeg")
                  .build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the student sees this status for the collection; fails the test otherwise. */
  static void awaitStatus(Student s, String status) {
    String seen =
        Eventually.await(
            () ->
                given()
                    .auth()
                    .oauth2(StudentTokens.forStudent(s.studentId()))
                    .get("/students/me/collections")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("find { it.collectionId == '" + s.collectionId() + "' }.status"),
            status,
            Duration.ofSeconds(60));
    assertEquals(status, seen);
  }

  static HttpResponse<byte[]> fetch(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String staff(String role, String... schools) {
    return Jwt.preferredUserName(role + "-user")
        .groups(Set.of(role))
        .claim("schools", List.of(schools))
        .issuer("https://server.example.com")
        .audience("https://service.example.com")
        .sign();
  }
}
