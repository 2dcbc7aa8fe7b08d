package org.gradphoto.delivery.domain;

/** How the photos in a school package are named: the school chooses. */
public enum NamingConvention {
  /** {@code <ID number>.jpg}: what CHSI's bulk import expects. */
  ID_NUMBER,
  /** {@code <student number>.jpg}. */
  STUDENT_NUMBER
}
