package org.gradphoto.kernel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void entriesTheClientWroteItselfAreNeverTaken() {
    // The client wrote "6.6.6.6"; the load balancer appended what it saw, the gateway the LB.
    List<String> xff = List.of("6.6.6.6, 203.0.113.7, 10.0.0.2");
    assertEquals("10.0.0.2", ClientAddress.pick(xff, 1, "fallback"));
    assertEquals("203.0.113.7", ClientAddress.pick(xff, 2, "fallback"));
  }

  @Test
  void severalHeadersAreOneListAndPortsAndBracketsGo() {
    List<String> xff = List.of("6.6.6.6", "[2001:db8::7]:4711 ,198.51.100.9:443");
    assertEquals("198.51.100.9", ClientAddress.pick(xff, 1, "fallback"));
    assertEquals("2001:db8::7", ClientAddress.pick(xff, 2, "fallback"));
    assertEquals("2001:db8::9", ClientAddress.pick(List.of("2001:db8::9"), 1, "fallback"));
  }

  @Test
  void fewerEntriesThanTheDepthFallBackToTheResolvedAddress() {
    assertEquals("127.0.0.1", ClientAddress.pick(List.of("10.0.0.2"), 2, "127.0.0.1"));
    assertEquals("127.0.0.1", ClientAddress.pick(List.of(), 1, "127.0.0.1"));
    assertEquals("127.0.0.1", ClientAddress.pick(List.of(" , "), 1, "127.0.0.1"));
    assertEquals("127.0.0.1", ClientAddress.pick(List.of("10.0.0.2"), 0, "127.0.0.1"));
  }
}
