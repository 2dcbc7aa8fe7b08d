package org.gradphoto.identity;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradphoto.kernel.value.ResidentIdNumber;
import org.gradphoto.testsupport.LocalWeChatControl;

/** Builds the world the REST tests act in: staff tokens, schools, batches, rosters, students. */
final class Fixtures {
  private static final AtomicInteger SCHOOLS =
      new AtomicInteger(20000 + ThreadLocalRandom.current().nextInt(50000));
  static final String CSV_HEADER = "院校代码,院校名称,学号,姓名,证件类型,证件号码,手机号,学信网图像采集码,学历层次\n";

  private Fixtures() {}

  static String operator() {
    return staff("op1", "operator", List.of());
  }

  static String schoolAdmin(String school) {
    return staff("admin-" + school, "school-admin", List.of(school));
  }

  static String staff(String user, String role, List<String> schools) {
    return Jwt.preferredUserName(user)
        .subject(user)
        .groups(Set.of(role))
        .claim("schools", schools)
        .issuer("https://server.example.com")
        .audience("https://service.example.com")
        .sign();
  }

  /** A fresh, valid resident ID number (check digit computed). */
  static String residentId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 =
        String.format(
            "%06d%04d%02d%02d%03d",
            110101 + r.nextInt(800000),
            1995 + r.nextInt(10),
            1 + r.nextInt(12),
            1 + r.nextInt(28),
            r.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The same number with a wrong check character. */
  static String withWrongCheckDigit(String id) {
    char right = id.charAt(17);
    char wrong = right == '1' ? '2' : '1';
    return id.substring(0, 17) + wrong;
  }

  static String newSchool(String name) {
    String code = String.valueOf(SCHOOLS.incrementAndGet());
    given()
        .auth()
        .oauth2(operator())
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "name", name))
        .post("/schools")
        .then()
        .statusCode(201);
    return code;
  }

  static UUID openBatch(String school, List<String> modes) {
    return batch(
        school,
        modes,
        Instant.now().minus(Duration.ofDays(1)),
        Instant.now().plus(Duration.ofDays(7)));
  }

  static UUID batch(String school, List<String> modes, Instant opens, Instant closes) {
    Map<String, Object> body =
        Map.ofEntries(
            Map.entry("name", "2026届本科毕业生图像采集"),
            Map.entry("opensAt", opens.toString()),
            Map.entry("closesAt", closes.toString()),
            Map.entry("priceFen", 2500),
            Map.entry("paymentPolicy", "PAY_BEFORE_CAPTURE"),
            Map.entry("specProfile", "chsi-graduation"),
            Map.entry("eligibilityModes", modes),
            Map.entry("reviewPromise", "PT24H"),
            Map.entry("serviceDescription", "一次缴费，多次拍摄，直到满意提交为止"),
            Map.entry("shootingRequirements", "白墙前一米，后置摄像头，他人拍摄"),
            Map.entry("backgroundColours", List.of("blue", "white")),
            Map.entry("uploadMinBytes", 100_000),
            Map.entry("uploadMaxBytes", 2_000_000));
    return UUID.fromString(
        given()
            .auth()
            .oauth2(operator())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/schools/" + school + "/batches")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  static Response importCsv(String token, UUID batch, String csv) {
    return given()
        .auth()
        .oauth2(token)
        .multiPart("file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        .post("/batches/" + batch + "/roster");
  }

  static String csvLine(
      String school,
      String schoolName,
      String number,
      String name,
      String id,
      String phone,
      String chsi) {
    return String.join(",", school, schoolName, number, name, "居民身份证", id, phone, chsi, "本科")
        + "\n";
  }

  /** A signed-in student: their access token and id. */
  record Student(String token, UUID id) {}

  static Student student() {
    Response r =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("code", LocalWeChatControl.loginCode("o-" + UUID.randomUUID())))
            .post("/auth/wechat-login");
    r.then().statusCode(200);
    return new Student(r.path("accessToken"), UUID.fromString(r.path("studentId")));
  }
}
