import { describe, expect, it } from 'vitest'
import { encodeTries, fitUnder, MIN_LONG_SIDE } from '../src/lib/fit'

describe('fitting a phone original under the batch limit', () => {
  it('lowers the quality at full size first, then the size, never below the long-side floor', () => {
    const tries = encodeTries(4000, 3000)
    expect(tries[0]).toEqual({ scale: 1, quality: 0.92 })
    expect(tries.slice(0, 3).every((t) => t.scale === 1)).toBe(true)
    const scales = tries.map((t) => t.scale)
    expect(scales).toEqual([...scales].sort((a, b) => b - a))
    expect(Math.min(...tries.map((t) => 4000 * t.scale))).toBeGreaterThanOrEqual(MIN_LONG_SIDE - 0.001)
  })
  it('starts a huge original at a canvas-safe size', () => {
    expect(encodeTries(8000, 6000)[0].scale).toBeCloseTo(4096 / 8000)
  })
  it('stops at the first try under 95 % of the limit', async () => {
    // a made-up encoder: bytes grow with pixels and quality
    const seen: number[] = []
    const out = await fitUnder(4000, 3000, 2_000_000, async ({ scale, quality }) => {
      seen.push(scale)
      return { bytes: Math.round(4000 * 3000 * scale * scale * quality * 0.5) }
    })
    expect(out!.bytes).toBeLessThanOrEqual(1_900_000)
    expect(seen.length).toBeGreaterThan(3)
  })
  it('answers null when nothing fits, so the original goes and the service explains', async () => {
    expect(await fitUnder(4000, 3000, 1000, async () => ({ bytes: 10_000 }))).toBeNull()
  })
})
