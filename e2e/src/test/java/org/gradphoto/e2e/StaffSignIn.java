package org.gradphoto.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a staff user in the way the staff console does: authorization code with PKCE at Keycloak,
 * the user's name and password typed into Keycloak's own login form. The realm's client allows
 * nothing else (no password grant), and no client or grant exists for tests, so what the smoke test
 * proves is the production sign-in path.
 */
final class StaffSignIn {
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private StaffSignIn() {}

  /** The access token the console would hold after {@code user} signed in. */
  static String accessToken(String user, String password) {
    String redirect = Platform.GATEWAY + "/";
    String verifier = random(48);
    String state = random(16);
    HttpClient browser =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Keycloak marks its login cookies Secure; a browser still sends them to http://localhost (a
    // secure context), java.net.CookieManager does not. So the cookies are kept here, by name.
    Map<String, String> jar = new LinkedHashMap<>();
    String realm = Platform.KEYCLOAK + "/realms/" + Platform.REALM + "/protocol/openid-connect";
    HttpResponse<String> page =
        send(
            browser,
            jar,
            get(
                realm
                    + "/auth?"
                    + Platform.formBody(
                        Map.of(
                            "client_id",
                            Platform.CLIENT,
                            "response_type",
                            "code",
                            "scope",
                            "openid",
                            "redirect_uri",
                            redirect,
                            "state",
                            state,
                            "code_challenge",
                            challenge(verifier),
                            "code_challenge_method",
                            "S256"))));
    Matcher action = FORM_ACTION.matcher(page.body());
    if (page.statusCode() != 200 || !action.find()) {
      throw new AssertionError("Keycloak login page for " + user + ": HTTP " + page.statusCode());
    }
    HttpResponse<String> signedIn =
        send(
            browser,
            jar,
            post(
                action.group(1).replace("&amp;", "&"),
                Map.of("username", user, "password", password, "credentialId", "")));
    String location = signedIn.headers().firstValue("Location").orElse("");
    String code = query(location, "code");
    if (signedIn.statusCode() != 302 || code == null || !state.equals(query(location, "state"))) {
      throw new AssertionError(
          "Keycloak sign-in of "
              + user
              + " did not redirect with a code: HTTP "
              + signedIn.statusCode());
    }
    HttpResponse<String> tokens =
        send(
            browser,
            new LinkedHashMap<>(),
            post(
                realm + "/token",
                Map.of(
                    "grant_type", "authorization_code",
                    "client_id", Platform.CLIENT,
                    "code", code,
                    "redirect_uri", redirect,
                    "code_verifier", verifier)));
    Platform.Answer a = new Platform.Answer(tokens.statusCode(), tokens.body());
    if (a.status() != 200 || !a.json().hasNonNull("access_token")) {
      throw new AssertionError("Keycloak code exchange for " + user + ": " + a);
    }
    return a.json().get("access_token").asText();
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
  }

  private static HttpRequest.Builder post(String url, Map<String, String> fields) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Platform.formBody(fields)));
  }

  /** Sends with the jar's cookies and keeps the cookies the answer sets. */
  private static HttpResponse<String> send(
      HttpClient client, Map<String, String> jar, HttpRequest.Builder builder) {
    if (!jar.isEmpty()) {
      builder.header(
          "Cookie",
          jar.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0 && eq < pair.strip().length() - 1) {
          jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        } else if (eq > 0) {
          jar.remove(pair.substring(0, eq).strip()); // an empty value is Keycloak deleting it
        }
      }
      return response;
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri().getPath() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String query(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
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
