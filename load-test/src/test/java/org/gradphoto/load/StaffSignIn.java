package org.gradphoto.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a staff member in the way the staff console does — authorization code with PKCE at the
 * realm's login page — and gives the access token. The realm offers no password grant to the
 * console's client, and the load test should not need one.
 */
final class StaffSignIn {

  private static final String CLIENT = "staff-console";
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private StaffSignIn() {}

  static String accessToken(LoadSettings s, String user, String password) {
    try {
      return signIn(s, user, password);
    } catch (IOException e) {
      throw new IllegalStateException("cannot sign " + user + " in at " + s.keycloak(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String signIn(LoadSettings s, String user, String password)
      throws IOException, InterruptedException {
    // Keycloak marks its login cookies Secure; a browser sends them to http://localhost anyway
    // (a secure context), java.net's CookieManager does not — so they are carried by hand.
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String realm = s.keycloak() + "/realms/gradphoto/protocol/openid-connect";
    String redirect = s.gateway() + "/console/";
    String verifier = randomUrlSafe(48);
    String auth =
        realm
            + "/auth?"
            + form(
                Map.of(
                    "client_id", CLIENT,
                    "redirect_uri", redirect,
                    "response_type", "code",
                    "scope", "openid",
                    "state", randomUrlSafe(12),
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256"));
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(auth)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher action = FORM_ACTION.matcher(page.body());
    if (page.statusCode() != 200 || !action.find()) {
      throw new IOException("no login form at " + auth + " (HTTP " + page.statusCode() + ")");
    }
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies(page))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", user, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = login.headers().firstValue("Location").orElse("");
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (login.statusCode() != 302 || !location.startsWith(redirect) || !code.find()) {
      throw new IOException("sign-in of " + user + " refused (HTTP " + login.statusCode() + ")");
    }
    HttpResponse<String> token =
        browser.send(
            HttpRequest.newBuilder(URI.create(realm + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "grant_type", "authorization_code",
                                "client_id", CLIENT,
                                "redirect_uri", redirect,
                                "code", code.group(1),
                                "code_verifier", verifier))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(token.body());
    if (token.statusCode() != 200 || !answer.hasNonNull("access_token")) {
      throw new IOException("no token for " + user + " (HTTP " + token.statusCode() + ")");
    }
    return answer.get("access_token").asText();
  }

  private static String cookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(c -> c.split(";", 2)[0])
        .collect(Collectors.joining("; "));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String randomUrlSafe(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String challenge(String verifier) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
