// Guide-frame maths: the picture is shown inside a fixed frame (the spec photo's aspect,
// 3:4 for 480×640) and the student pans it with one finger and zooms it with two. The
// transform is kept in frame (screen) units: the picture's top-left corner sits at (x, y)
// and one picture pixel is `scale` frame units wide. What the frame shows is the crop
// rectangle, in picture pixels, that is sent with the upload.

export interface Size { width: number; height: number }
export interface Point { x: number; y: number }
export interface Transform { x: number; y: number; scale: number }
export interface CropRect { left: number; top: number; width: number; height: number }

/** How far the student may zoom in beyond "cover" (one picture pixel per 8 frame units is plenty). */
export const MAX_ZOOM_FACTOR = 8

/** The smallest scale at which the picture still covers the whole frame. */
export function coverScale(image: Size, frame: Size): number {
  return Math.max(frame.width / image.width, frame.height / image.height)
}

/** The starting transform: picture covers the frame, centred. */
export function initialTransform(image: Size, frame: Size): Transform {
  const scale = coverScale(image, frame)
  return {
    scale,
    x: (frame.width - image.width * scale) / 2,
    y: (frame.height - image.height * scale) / 2,
  }
}

/** Keep the picture covering the frame: no empty band may appear at any edge. */
export function clampTransform(t: Transform, image: Size, frame: Size): Transform {
  const min = coverScale(image, frame)
  const scale = Math.min(Math.max(t.scale, min), min * MAX_ZOOM_FACTOR)
  const w = image.width * scale
  const h = image.height * scale
  const x = Math.min(0, Math.max(frame.width - w, t.x))
  const y = Math.min(0, Math.max(frame.height - h, t.y))
  return { x, y, scale }
}

/** One-finger pan by (dx, dy) frame units. */
export function pan(t: Transform, dx: number, dy: number, image: Size, frame: Size): Transform {
  return clampTransform({ ...t, x: t.x + dx, y: t.y + dy }, image, frame)
}

/**
 * Zoom by `factor` about a fixed point of the frame (the pinch midpoint): the picture pixel
 * under that point stays under it.
 */
export function zoomAbout(t: Transform, factor: number, focus: Point, image: Size, frame: Size): Transform {
  const min = coverScale(image, frame)
  const scale = Math.min(Math.max(t.scale * factor, min), min * MAX_ZOOM_FACTOR)
  const real = scale / t.scale
  return clampTransform(
    { scale, x: focus.x - (focus.x - t.x) * real, y: focus.y - (focus.y - t.y) * real },
    image,
    frame,
  )
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
}

/**
 * A pinch step: fingers moved from (a0, b0) to (a1, b1). Zooms by the ratio of the finger
 * distances about the old midpoint and pans by the midpoint's move, as photo apps do.
 */
export function pinch(t: Transform, a0: Point, b0: Point, a1: Point, b1: Point, image: Size, frame: Size): Transform {
  const d0 = distance(a0, b0)
  const d1 = distance(a1, b1)
  if (d0 < 1) return t
  const m0 = midpoint(a0, b0)
  const m1 = midpoint(a1, b1)
  const zoomed = zoomAbout(t, d1 / d0, m0, image, frame)
  return pan(zoomed, m1.x - m0.x, m1.y - m0.y, image, frame)
}

/** The crop rectangle, in whole picture pixels, that the frame shows. */
export function cropRect(t: Transform, image: Size, frame: Size): CropRect {
  const c = clampTransform(t, image, frame)
  let left = Math.round(-c.x / c.scale)
  let top = Math.round(-c.y / c.scale)
  let width = Math.round(frame.width / c.scale)
  let height = Math.round(frame.height / c.scale)
  width = Math.min(width, image.width)
  height = Math.min(height, image.height)
  left = Math.min(Math.max(0, left), image.width - width)
  top = Math.min(Math.max(0, top), image.height - height)
  return { left, top, width, height }
}

/**
 * Guide lines of the spec, as fractions of the frame height/width, drawn over the frame
 * (and over the standardized preview). Defaults: the diploma photo, 480×640 px.
 */
export interface GuideSpec {
  widthPx: number
  heightPx: number
  headTopMinPx: number
  headTopMaxPx: number
  eyeLineMinPx: number
  eyeLineMaxPx: number
  faceWidthMinPx: number
  faceWidthMaxPx: number
}

export const DIPLOMA_GUIDES: GuideSpec = {
  widthPx: 480,
  heightPx: 640,
  headTopMinPx: 50,
  headTopMaxPx: 110,
  eyeLineMinPx: 200,
  eyeLineMaxPx: 300,
  faceWidthMinPx: 180,
  faceWidthMaxPx: 300,
}

export interface GuideBands {
  headTop: [number, number]
  eyeLine: [number, number]
  /** left/right of the widest allowed face, centred */
  faceOuter: [number, number]
  faceInner: [number, number]
}

/** Guide bands as percentages (0–100) of the frame, ready for CSS `top`/`left`. */
export function guideBands(g: GuideSpec = DIPLOMA_GUIDES): GuideBands {
  const ph = (v: number) => (v / g.heightPx) * 100
  const pw = (v: number) => (v / g.widthPx) * 100
  const cx = g.widthPx / 2
  return {
    headTop: [ph(g.headTopMinPx), ph(g.headTopMaxPx)],
    eyeLine: [ph(g.eyeLineMinPx), ph(g.eyeLineMaxPx)],
    faceOuter: [pw(cx - g.faceWidthMaxPx / 2), pw(cx + g.faceWidthMaxPx / 2)],
    faceInner: [pw(cx - g.faceWidthMinPx / 2), pw(cx + g.faceWidthMinPx / 2)],
  }
}

/** Frame size for a spec aspect that fits a given width (CSS px). */
export function frameFor(width: number, g: GuideSpec = DIPLOMA_GUIDES): Size {
  return { width, height: Math.round((width * g.heightPx) / g.widthPx) }
}
