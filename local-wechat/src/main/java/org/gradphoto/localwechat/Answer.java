package org.gradphoto.localwechat;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status, headers and a JSON (or empty) body. */
record Answer(int status, Map<String, String> headers, String body) {
  static Answer json(int status, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    if (!body.isEmpty()) {
      h.put("Content-Type", "application/json; charset=utf-8");
    }
    return new Answer(status, h, body);
  }
}
