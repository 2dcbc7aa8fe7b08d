// Phone originals are often over a batch's upload limit (a 12 MP photo is 4–8 MB, schools ask for
// 2 MB). Rather than refuse, the app re-encodes it: first only a lower JPEG quality at full
// resolution, then smaller sizes, never below a long side that still leaves the face far more
// pixels than the spec's 480×640 photo needs.

/** One try: scale of the original's sides and JPEG quality (0–1). */
export interface EncodeTry { scale: number; quality: number }

/** Long side under which no try goes: the head then still spans several hundred pixels. */
export const MIN_LONG_SIDE = 1600
/** Canvas-safe long side on phones; larger originals start scaled down to it. */
export const MAX_LONG_SIDE = 4096

/** The tries in order, cheapest loss first. */
export function encodeTries(width: number, height: number): EncodeTry[] {
  const long = Math.max(width, height)
  if (long <= 0) return []
  const start = Math.min(1, MAX_LONG_SIDE / long)
  const tries: EncodeTry[] = []
  for (const quality of [0.92, 0.85, 0.78]) tries.push({ scale: start, quality })
  for (let scale = start * 0.8; long * scale >= MIN_LONG_SIDE; scale *= 0.8) tries.push({ scale, quality: 0.85 })
  const floor = Math.min(start, MIN_LONG_SIDE / long)
  if (!tries.some((t) => t.scale === floor)) tries.push({ scale: floor, quality: 0.8 })
  tries.push({ scale: floor, quality: 0.7 })
  return tries
}

/** Bytes to aim at: a little under the limit (a multipart body adds a few hundred bytes). */
export const targetBytes = (maxBytes: number) => Math.floor(maxBytes * 0.95)

/**
 * Runs the tries with {@code encode} until one fits; null when none does (the upload then goes
 * as it is and the service says why it refuses it).
 */
export async function fitUnder<T extends { bytes: number }>(
  width: number, height: number, maxBytes: number, encode: (t: EncodeTry) => Promise<T>,
): Promise<T | null> {
  const target = targetBytes(maxBytes)
  for (const t of encodeTries(width, height)) {
    const out = await encode(t)
    if (out.bytes <= target) return out
  }
  return null
}
