package org.gradphoto.load;

import java.time.Duration;

/**
 * What one run does, from system properties (the Gatling plugin passes {@code -D…} on): {@code
 * journeys} students arriving evenly over {@code minutes}, {@code reviewers} reviewers deciding
 * while they come, against the platform behind {@code gateway} and signed in at {@code keycloak}.
 */
record LoadSettings(
    String gateway,
    String keycloak,
    String schoolCode,
    int journeys,
    Duration arrivals,
    int reviewers,
    Duration patience) {

  static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        trim(System.getProperty("gateway", "http://localhost:8080")),
        trim(System.getProperty("keycloak", "http://localhost:8180")),
        System.getProperty("school", "10999"),
        Integer.getInteger("journeys", 1000),
        Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("minutes", "10")) * 60)),
        Integer.getInteger("reviewers", 1),
        Duration.ofMinutes(Integer.getInteger("patienceMinutes", 10)));
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
