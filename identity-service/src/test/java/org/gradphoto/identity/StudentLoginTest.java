package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StudentLoginTest {

  /** Logs in as the WeChat user {@code openid} with a fresh wx.login code from the local WeChat. */
  private static Response login(String openid) {
    return loginWithCode(LocalWeChatControl.loginCode(openid));
  }

  private static Response loginWithCode(String code) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post("/auth/wechat-login");
  }

  private static JsonObject part(String jwt, int i) {
    return new JsonObject(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8));
  }

  @Test
  void a_wx_login_code_is_exchanged_for_a_two_hour_rs256_student_token() {
    String openid = "o-alpha-" + UUID.randomUUID();
    Response r = login(openid);
    r.then().statusCode(200);
    String token = r.path("accessToken");
    UUID studentId = UUID.fromString(r.path("studentId"));
    int expiresIn = r.path("expiresIn");

    JsonObject header = part(token, 0);
    JsonObject claims = part(token, 1);
    assertEquals("RS256", header.getString("alg"));
    assertTrue(header.getString("kid") != null && !header.getString("kid").isBlank());
    assertEquals("gradphoto-identity", claims.getString("iss"));
    assertEquals(studentId.toString(), claims.getString("sub"));
    assertEquals(List.of("student"), claims.getJsonArray("groups").getList());
    // payment (the JSAPI payer) and delivery (subscribe-message consent) read it from here
    assertEquals(openid, claims.getString("openid"));
    long lifetime = claims.getLong("exp") - claims.getLong("iat");
    assertTrue(lifetime > 0 && lifetime <= 7200, "lifetime " + lifetime);
    assertEquals(lifetime, expiresIn);
  }

  @Test
  void the_same_wechat_user_is_the_same_student_and_another_user_another_student() {
    String first = login("o-bravo").path("studentId");
    String again = login("o-bravo").path("studentId");
    String other = login("o-charlie").path("studentId");
    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void a_used_or_made_up_login_code_is_refused_as_wechat_refuses_it() {
    String code = LocalWeChatControl.loginCode("o-foxtrot");
    loginWithCode(code).then().statusCode(200);
    loginWithCode(code)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("WECHAT_LOGIN_FAILED"));
    loginWithCode("made-up-code").then().statusCode(401);
  }

  @Test
  void the_published_jwks_holds_the_key_that_verifies_the_token() throws Exception {
    String token = login("o-delta").path("accessToken");
    String kid = part(token, 0).getString("kid");
    Map<String, String> jwk =
        given()
            .get("/auth/jwks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("keys.find { it.kid == '" + kid + "' }");
    assertEquals("RSA", jwk.get("kty"));
    assertEquals("RS256", jwk.get("alg"));
    RSAPublicKey key =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(
                    new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e")))));
    String[] parts = token.split("\\.");
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
  }

  @Test
  void a_token_issued_here_opens_a_student_endpoint_through_the_student_oidc_tenant() {
    String token = login("o-echo").path("accessToken");
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/collections")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void a_student_token_signed_by_any_other_key_is_refused() {
    given()
        .auth()
        .oauth2(StudentTokens.forStudent(UUID.randomUUID()))
        .get("/students/me/collections")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given().get("/students/me/collections").then().statusCode(401);
  }

  @Test
  void a_staff_token_does_not_open_the_student_endpoints() {
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/students/me/collections")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void a_missing_code_is_a_problem_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("code", " "))
        .post("/auth/wechat-login")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("code"));
  }
}
