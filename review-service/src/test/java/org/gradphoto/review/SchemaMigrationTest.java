package org.gradphoto.review;

import org.gradphoto.testsupport.MigrationContract;

/** The migrations of review-service keep every row a baseline database holds. */
class SchemaMigrationTest extends MigrationContract {
  @Override
  protected String database() {
    return "review";
  }
}
