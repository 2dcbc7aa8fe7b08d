package org.gradphoto.delivery.application.port.out;

/** Opens ID numbers sealed by identity-service; used only to name files in a school package. */
public interface IdNumbers {
  String open(String sealed);
}
