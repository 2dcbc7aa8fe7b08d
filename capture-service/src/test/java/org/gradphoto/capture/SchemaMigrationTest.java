package org.gradphoto.capture;

import org.gradphoto.testsupport.MigrationContract;

/** The migrations of capture-service keep every row a baseline database holds. */
class SchemaMigrationTest extends MigrationContract {
  @Override
  protected String database() {
    return "capture";
  }
}
