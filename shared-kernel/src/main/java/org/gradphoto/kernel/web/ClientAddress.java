package org.gradphoto.kernel.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client behind the gateway, for limits keyed per client.
 *
 * <p>Quarkus' proxy support ({@code quarkus.http.proxy.*}) takes the <em>leftmost</em>
 * X-Forwarded-For entry, which is whatever the client wrote itself once a load balancer in front of
 * the gateway keeps the header. Only the entries the platform's own proxies appended can be
 * believed, and they are at the right: the gateway appends the address it saw, a load balancer in
 * front of it the client's. So the entry {@code depth} places from the right is taken ({@code
 * gradphoto.http.client-address-depth}: 1 = the gateway's, the local nginx and a cluster without a
 * load balancer; 2 = the load balancer's, the chart's {@code gateway.clientAddressDepth + 1}). A
 * request with fewer entries (or none: called directly, as in tests) is keyed on the address
 * Quarkus resolved.
 */
public final class ClientAddress {
  /** The configuration key of the depth; see the class comment. */
  public static final String DEPTH = "gradphoto.http.client-address-depth";

  private ClientAddress() {}

  /** The client's address for this request, or "" when none is known. */
  public static String of(HttpServerRequest request, int depth) {
    String resolved = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    return pick(request.headers().getAll("X-Forwarded-For"), depth, resolved);
  }

  /**
   * The entry {@code depth} places from the right of these X-Forwarded-For header values (several
   * headers count as one list, in order), else {@code fallback}.
   */
  static String pick(List<String> forwardedFor, int depth, String fallback) {
    List<String> entries = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String entry : header.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.strip());
        }
      }
    }
    if (depth < 1 || entries.size() < depth) {
      return fallback;
    }
    return withoutPort(entries.get(entries.size() - depth));
  }

  /** {@code 1.2.3.4:5678} → {@code 1.2.3.4}, {@code [::1]:80} → {@code ::1}; others unchanged. */
  private static String withoutPort(String entry) {
    if (entry.startsWith("[")) {
      int end = entry.indexOf(']');
      return end > 0 ? entry.substring(1, end) : entry;
    }
    int colon = entry.indexOf(':');
    return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
  }
}
