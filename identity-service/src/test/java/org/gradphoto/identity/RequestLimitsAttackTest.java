package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.junit.jupiter.api.Test;

/**
 * Attacks on what an anonymous or barely signed-in caller can make the service hold: oversized
 * bodies on small routes, bodies without a length, picture bombs, and staff tokens minted for
 * another client of the realm (issue #16, items 3 and 4).
 */
@QuarkusTest
class RequestLimitsAttackTest {
  @TestHTTPResource("/auth/wechat-login")
  URI login;

  @Test
  void a_login_of_a_hundred_kilobytes_is_refused_before_it_is_read() {
    String padded = "{\"code\":\"" + "x".repeat(100_000) + "\"}";
    given()
        .contentType(ContentType.JSON)
        .body(padded)
        .post("/auth/wechat-login")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("code", equalTo("BODY_TOO_LARGE"));
    // An ordinary login is a few dozen bytes and still works.
    Fixtures.student();
  }

  @Test
  void a_login_body_without_a_length_stops_being_read_at_the_routes_limit() throws Exception {
    assertEquals(413, chunkedLogin("{\"code\":\"" + "x".repeat(100_000) + "\"}").statusCode());
    HttpResponse<String> small =
        chunkedLogin(
            "{\"code\":\""
                + LocalWeChatControl.loginCode("o-chunked-" + System.nanoTime())
                + "\"}");
    assertEquals(200, small.statusCode(), small.body());
    assertTrue(small.body().contains("accessToken"), small.body());
  }

  private HttpResponse<String> chunkedLogin(String json) throws Exception {
    // A body published from a stream has no length: HTTP/1.1 sends it chunked.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(login)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(json.getBytes())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twelve_megabytes_to_the_album_picture_route_are_refused_without_any_token() {
    given()
        .multiPart("image", "big.png", new byte[12 * 1024 * 1024], "image/png")
        .post("/eligibility/chsi-code")
        .then()
        .statusCode(413);
  }

  @Test
  void a_png_bomb_declaring_sixty_thousand_pixels_a_side_is_refused_before_decoding() {
    ByteBuffer b = ByteBuffer.allocate(2048);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    b.putInt(13).put("IHDR".getBytes()).putInt(60_000).putInt(60_000);
    b.put(new byte[] {8, 6, 0, 0, 0});
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .multiPart("image", "bomb.png", b.array(), "image/png")
        .post("/eligibility/chsi-code")
        .then()
        .statusCode(413)
        .body("code", equalTo("IMAGE_TOO_LARGE"));
  }

  @Test
  void a_staff_token_minted_for_another_client_of_the_realm_is_refused() {
    String school = Fixtures.newSchool("受众检查学院");
    String otherClient =
        Jwt.preferredUserName("op2")
            .subject("op2")
            .groups(Set.of("operator"))
            .claim("schools", List.of())
            .issuer("https://server.example.com")
            .audience("account")
            .sign();
    given()
        .auth()
        .oauth2(otherClient)
        .get("/schools/" + school + "/batches")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(otherClient)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "改名"))
        .put("/schools/" + school)
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/schools/" + school + "/batches")
        .then()
        .statusCode(200);
  }
}
