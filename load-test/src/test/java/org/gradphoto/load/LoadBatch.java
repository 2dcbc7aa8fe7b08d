package org.gradphoto.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch of its own for one run, with a roster of {@code journeys} made-up students, created by
 * the demo school admin through identity's staff API (as the staff console does). Every run gets
 * new students, so runs never meet each other's collections.
 */
record LoadBatch(String id, String run, List<Map<String, Object>> students) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
  private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂".split("");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  static LoadBatch create(LoadSettings s, String adminToken) {
    String run = Long.toString(System.currentTimeMillis() % 46_656_000L, 36).toUpperCase();
    Instant now = Instant.now();
    String body =
        """
        {"schoolCode":"%s","name":"负载测试批次 %s","opensAt":"%s","closesAt":"%s","priceFen":2500,
         "paymentPolicy":"PAY_BEFORE_CAPTURE","specProfile":"chsi-graduation",
         "eligibilityModes":["SCHOOL_NAME_ID"],"reviewPromise":"PT24H",
         "backgroundColours":["blue"],"uploadMinBytes":20000,"uploadMaxBytes":10000000}
        """
            .formatted(
                s.schoolCode(),
                run,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
    JsonNode batch =
        send(
            s,
            adminToken,
            HttpRequest.newBuilder(
                    URI.create(s.gateway() + "/api/identity/schools/" + s.schoolCode() + "/batches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            201);
    String batchId = batch.get("id").asText();

    List<Map<String, Object>> students = new ArrayList<>();
    StringBuilder csv = new StringBuilder("院校代码,院校名称,学号,姓名,证件类型,证件号码,手机号,学信网图像采集码,学历层次\n");
    for (int i = 0; i < s.journeys(); i++) {
      String number = "L" + run + String.format("%05d", i);
      String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
      String idNumber = residentId(i, run.hashCode());
      csv.append(String.join(",", s.schoolCode(), "示范大学", number, name, "居民身份证", idNumber, "", "", "本科"))
          .append('\n');
      students.add(
          Map.of(
              "openid", "load-" + run + "-" + i,
              "studentNumber", number,
              "name", name,
              "idNumber", idNumber));
    }
    String boundary = "gradphoto-load-" + run;
    byte[] multipart =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    JsonNode report =
        send(
            s,
            adminToken,
            HttpRequest.newBuilder(URI.create(s.gateway() + "/api/identity/batches/" + batchId + "/roster"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)),
            200);
    return new LoadBatch(batchId, run, List.copyOf(students)).checked(report);
  }

  /** The roster import must have taken every line, or the run measures refusals. */
  private LoadBatch checked(JsonNode report) {
    String text = report.toString();
    if (report.toString().contains("\"errors\":[{") || text.contains("\"rejected\":[{")) {
      throw new IllegalStateException("the roster import refused lines: " + text.substring(0, Math.min(500, text.length())));
    }
    return this;
  }

  private static JsonNode send(
      LoadSettings s, String token, HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(r.request().uri() + " → HTTP " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + s.gateway(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A made-up resident ID number with a correct GB 11643 check character. */
  static String residentId(int i, int salt) {
    int day = 1 + Math.floorMod(i + salt, 28);
    int month = 1 + Math.floorMod(i / 28 + salt, 12);
    String first17 =
        "110105" + (2001 + Math.floorMod(i / 336, 4)) + String.format("%02d%02d%03d", month, day, Math.floorMod(i, 1000));
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (first17.charAt(k) - '0') * ID_WEIGHTS[k];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
