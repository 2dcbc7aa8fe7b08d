package org.gradphoto.delivery.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.PhotoImaging;
import org.gradphoto.delivery.application.port.out.PhotoStore;
import org.gradphoto.delivery.domain.LayoutPlanner;
import org.gradphoto.delivery.domain.PinnedPhoto;
import org.gradphoto.delivery.domain.SheetSize;

/**
 * Layout sheets (排版照) of a pinned standard photo, drawn the first time a student asks for one and
 * kept beside it. Drawing is deterministic, so two first requests at once store the same bytes.
 */
@ApplicationScoped
class LayoutSheets {
  private final PhotoStore store;
  private final PhotoImaging imaging;
  private final Blocking blocking;

  LayoutSheets(PhotoStore store, PhotoImaging imaging, Blocking blocking) {
    this.store = store;
    this.imaging = imaging;
    this.blocking = blocking;
  }

  /** The key each sheet the photo fits on will be stored under, by sheet. */
  static Map<SheetSize, String> keys(String prefix, PhotoImaging.PhotoInfo info) {
    Map<SheetSize, String> keys = new EnumMap<>(SheetSize.class);
    for (SheetSize sheet : SheetSize.values()) {
      try {
        LayoutPlanner.plan(sheet, info.widthPx(), info.heightPx(), info.dpi());
      } catch (IllegalArgumentException tooLarge) {
        Log.warnf("no layout sheet %s: %s", sheet.id(), tooLarge.getMessage());
        continue;
      }
      keys.put(sheet, prefix + "layout-" + sheet.id() + ".jpg");
    }
    return keys;
  }

  /** Makes sure the sheet is stored under its key in {@link PinnedPhoto#layoutKeys}. */
  Uni<Void> ensure(PinnedPhoto photo, SheetSize sheet) {
    String key = photo.layoutKeys().get(sheet);
    return store
        .exists(key)
        .chain(present -> present ? Uni.createFrom().voidItem() : draw(photo, sheet, key));
  }

  private Uni<Void> draw(PinnedPhoto photo, SheetSize sheet, String key) {
    return store
        .read(photo.standardKey())
        .chain(
            bytes ->
                blocking.call(
                    () ->
                        imaging.render(
                            bytes,
                            LayoutPlanner.plan(
                                sheet, photo.widthPx(), photo.heightPx(), photo.dpi()))))
        .chain(jpeg -> store.store(key, jpeg, "image/jpeg"));
  }
}
