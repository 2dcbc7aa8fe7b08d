import { describe, expect, it } from 'vitest'
import { clampTransform, coverScale, cropRect, frameFor, guideBands, initialTransform, MAX_ZOOM_FACTOR, pan, pinch, zoomAbout } from '../src/lib/crop'

const frame = { width: 240, height: 320 } // 3:4, like 480×640
const portrait = { width: 3000, height: 4000 } // phone photo, same aspect
const landscape = { width: 4000, height: 3000 }

describe('guide frame', () => {
  it('starts with the picture covering the frame, centred', () => {
    const t = initialTransform(landscape, frame)
    expect(t.scale).toBeCloseTo(320 / 3000)
    expect(t.y).toBeCloseTo(0)
    expect(t.x).toBeCloseTo((240 - 4000 * t.scale) / 2)
    expect(cropRect(t, landscape, frame)).toEqual({ left: 875, top: 0, width: 2250, height: 3000 })
  })

  it('shows the whole picture when the aspects match', () => {
    const t = initialTransform(portrait, frame)
    expect(cropRect(t, portrait, frame)).toEqual({ left: 0, top: 0, width: 3000, height: 4000 })
  })

  it('pans with one finger and never shows an empty edge', () => {
    const t0 = initialTransform(landscape, frame)
    const right = pan(t0, 10000, 0, landscape, frame)
    expect(right.x).toBe(0)
    expect(cropRect(right, landscape, frame).left).toBe(0)
    const left = pan(t0, -10000, 0, landscape, frame)
    expect(cropRect(left, landscape, frame)).toEqual({ left: 1750, top: 0, width: 2250, height: 3000 })
    // vertical pan has nowhere to go at cover scale
    expect(pan(t0, 0, 50, landscape, frame).y).toBe(0)
  })

  it('zooms about the pinch midpoint: the picture point under it stays put', () => {
    const t0 = initialTransform(portrait, frame)
    const focus = { x: 120, y: 100 }
    const before = { x: (focus.x - t0.x) / t0.scale, y: (focus.y - t0.y) / t0.scale }
    const t1 = zoomAbout(t0, 2, focus, portrait, frame)
    expect(t1.scale).toBeCloseTo(t0.scale * 2)
    expect((focus.x - t1.x) / t1.scale).toBeCloseTo(before.x)
    expect((focus.y - t1.y) / t1.scale).toBeCloseTo(before.y)
    const crop = cropRect(t1, portrait, frame)
    expect(crop.width).toBe(1500)
    expect(crop.height).toBe(2000)
    expect(crop.left).toBe(750)
    expect(crop.top).toBe(625)
  })

  it('cannot zoom out below cover nor in beyond the limit', () => {
    const t0 = initialTransform(portrait, frame)
    expect(zoomAbout(t0, 0.1, { x: 0, y: 0 }, portrait, frame).scale).toBeCloseTo(coverScale(portrait, frame))
    expect(zoomAbout(t0, 1000, { x: 0, y: 0 }, portrait, frame).scale).toBeCloseTo(coverScale(portrait, frame) * MAX_ZOOM_FACTOR)
  })

  it('turns a two-finger spread into zoom plus the midpoint move', () => {
    const t0 = initialTransform(portrait, frame)
    // fingers 100 apart → 200 apart around the same midpoint (120,160): ×2 about the centre
    const t1 = pinch(t0, { x: 70, y: 160 }, { x: 170, y: 160 }, { x: 20, y: 160 }, { x: 220, y: 160 }, portrait, frame)
    expect(cropRect(t1, portrait, frame)).toEqual({ left: 750, top: 1000, width: 1500, height: 2000 })
    // then both fingers move 30 units down: the picture follows
    const t2 = pinch(t1, { x: 20, y: 160 }, { x: 220, y: 160 }, { x: 20, y: 190 }, { x: 220, y: 190 }, portrait, frame)
    expect(t2.y - t1.y).toBeCloseTo(30)
    expect(cropRect(t2, portrait, frame).top).toBe(Math.round(1000 - 30 / t1.scale))
  })

  it('ignores a pinch with fingers on the same spot', () => {
    const t0 = initialTransform(portrait, frame)
    expect(pinch(t0, { x: 1, y: 1 }, { x: 1, y: 1 }, { x: 50, y: 50 }, { x: 90, y: 90 }, portrait, frame)).toBe(t0)
  })

  it('keeps the crop inside the picture even from an out-of-range transform', () => {
    const crop = cropRect({ x: 500, y: -99999, scale: 0.001 }, portrait, frame)
    expect(crop.left).toBeGreaterThanOrEqual(0)
    expect(crop.top).toBeGreaterThanOrEqual(0)
    expect(crop.left + crop.width).toBeLessThanOrEqual(portrait.width)
    expect(crop.top + crop.height).toBeLessThanOrEqual(portrait.height)
    expect(clampTransform({ x: 5, y: 5, scale: 0.5 }, portrait, frame)).toEqual({ x: 0, y: 0, scale: 0.5 })
  })

  it('places the spec guide lines as fractions of the frame', () => {
    const g = guideBands()
    expect(g.headTop[0]).toBeCloseTo((50 / 640) * 100)
    expect(g.headTop[1]).toBeCloseTo((110 / 640) * 100)
    expect(g.eyeLine).toEqual([(200 / 640) * 100, (300 / 640) * 100])
    expect(g.faceOuter[0]).toBeCloseTo(((240 - 150) / 480) * 100)
    expect(g.faceInner[1]).toBeCloseTo(((240 + 90) / 480) * 100)
    expect(frameFor(270)).toEqual({ width: 270, height: 360 })
  })
})
