package org.gradphoto.identity.domain;

/** The three ways a student proves they are on a batch's roster (issue #4, the seed manuals). */
public enum EligibilityMode {
  /** A: school (searched by name) + name + ID number. */
  SCHOOL_NAME_ID,
  /** B: CHSI image-collection code (scanned or decoded from a picture) + last four ID digits. */
  CHSI_CODE,
  /** C: name + ID type + ID number + WeChat-authorised phone, then a confirmation. */
  ID_AND_PHONE
}
