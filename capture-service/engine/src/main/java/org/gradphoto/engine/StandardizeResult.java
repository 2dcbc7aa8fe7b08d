package org.gradphoto.engine;

/**
 * The engine's output for one photo.
 *
 * @param jpeg the standardized photo, exactly the profile's pixels and dpi
 * @param cutoutPng the same frame with a transparent background, for later colour changes
 * @param report geometry and findings
 */
public record StandardizeResult(byte[] jpeg, byte[] cutoutPng, Report report) {}
