package org.gradphoto.delivery.adapter.out.wechat;

import java.util.UUID;

/**
 * The mini-program pages this service links to. Every one must exist in the student app
 * (student-app/src/app.config.ts): {@code MiniProgramPagesTest} reads both and fails on a page the
 * app does not have. Not configurable, since a configured page nobody checks is how a message came
 * to open a page that did not exist.
 */
public final class MiniProgramPages {
  /** One collection's page: status, review result, next step. Takes {@code ?id=}. */
  public static final String COLLECTION = "pages/collection/index";

  private MiniProgramPages() {}

  /** The page a review-result message opens: the collection it is about. */
  public static String collection(UUID collectionId) {
    return COLLECTION + "?id=" + collectionId;
  }
}
