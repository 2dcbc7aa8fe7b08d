package org.gradphoto.delivery.adapter.out.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every mini-program page the backend links to exists in the student app's page list. */
class MiniProgramPagesTest {
  private static final Path APP_CONFIG = Path.of("..", "student-app", "src", "app.config.ts");

  private static List<String> appPages() throws IOException {
    String config = Files.readString(APP_CONFIG);
    int start = config.indexOf("pages:");
    int end = config.indexOf(']', start);
    assertTrue(start >= 0 && end > start, "app.config.ts has a pages list");
    List<String> pages = new ArrayList<>();
    Matcher m = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(config.substring(start, end));
    while (m.find()) {
      pages.add(m.group(1));
    }
    return pages;
  }

  private static List<String> backendPages() throws IllegalAccessException {
    List<String> pages = new ArrayList<>();
    for (Field f : MiniProgramPages.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        pages.add((String) f.get(null));
      }
    }
    return pages;
  }

  @Test
  void every_page_the_backend_links_to_exists_in_the_student_app() throws Exception {
    List<String> app = appPages();
    assertFalse(app.isEmpty());
    List<String> backend = backendPages();
    assertFalse(backend.isEmpty());
    for (String page : backend) {
      assertTrue(
          app.contains(page), page + " is not a page of student-app (app.config.ts: " + app + ")");
    }
  }

  @Test
  void the_review_message_opens_the_collection_page_with_its_id() throws Exception {
    UUID id = UUID.randomUUID();
    String link = MiniProgramPages.collection(id);
    assertEquals("pages/collection/index?id=" + id, link);
    assertTrue(appPages().contains(link.substring(0, link.indexOf('?'))));
  }
}
