package org.gradphoto.review;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for capture-service's staff image endpoint in tests: the console asks it for the photo
 * URLs of an attempt and gets drawn pictures (a head on the light-blue background).
 */
@Path("/test-capture/attempts/{attemptId}/images")
@PermitAll
public class CaptureImagesStub {
  private static final String PHOTO =
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="480" height="640" viewBox="0 0 480 640">
        <rect width="480" height="640" fill="#64C5FF"/>
        <ellipse cx="240" cy="250" rx="115" ry="150" fill="#f1c8a5"/>
        <path d="M120 230 Q130 75 240 80 Q350 75 360 230 Q330 130 240 135 Q150 130 120 230Z" fill="#222"/>
        <circle cx="195" cy="245" r="9" fill="#333"/><circle cx="285" cy="245" r="9" fill="#333"/>
        <path d="M205 330 Q240 348 275 330" stroke="#a55" stroke-width="5" fill="none"/>
        <path d="M40 640 Q60 430 240 420 Q420 430 440 640Z" fill="#1d2430"/>
      </svg>
      """;

  @GET
  public Map<String, String> images(@PathParam("attemptId") String attemptId) {
    String url =
        "data:image/svg+xml;charset=utf-8,"
            + URLEncoder.encode(PHOTO, StandardCharsets.UTF_8).replace("+", "%20");
    return Map.of("standardized", url, "original", url, "cutout", url);
  }
}
