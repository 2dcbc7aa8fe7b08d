package org.gradphoto.engine;

/** What was written: size, density and the JPEG quality the size search settled on. */
public record OutputInfo(int widthPx, int heightPx, int dpi, int jpegQuality, int jpegBytes) {}
