import Taro from '@tarojs/taro'
import { fitUnder } from './fit'

/** A picture the app may upload: its path and, when known, its size in bytes. */
export interface Picture { path: string; bytes?: number; reencoded?: boolean }

/**
 * The picture as it is when it is within {@code maxBytes}, else re-encoded to fit (see fit.ts).
 * H5 draws it on a canvas; the mini-program uses wx.compressImage with the same tries.
 */
export async function fitPicture(p: Picture, size: { width: number; height: number }, maxBytes?: number): Promise<Picture> {
  if (!maxBytes || p.bytes === undefined || p.bytes <= maxBytes) return p
  if (process.env.TARO_ENV === 'h5') {
    const img = await loadImage(p.path)
    const out = await fitUnder(size.width, size.height, maxBytes, async ({ scale, quality }) => {
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(size.width * scale)
      canvas.height = Math.round(size.height * scale)
      const g = canvas.getContext('2d')!
      g.imageSmoothingQuality = 'high'
      g.drawImage(img, 0, 0, canvas.width, canvas.height)
      const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('无法压缩照片'))), 'image/jpeg', quality))
      return { blob, bytes: blob.size }
    })
    return out ? { path: URL.createObjectURL(out.blob), bytes: out.bytes, reencoded: true } : p
  }
  const out = await fitUnder(size.width, size.height, maxBytes, async ({ scale, quality }) => {
    const r = await Taro.compressImage({
      src: p.path,
      quality: Math.round(quality * 100),
      compressedWidth: Math.round(size.width * scale),
    } as Taro.compressImage.Option)
    const info = await Taro.getFileInfo({ filePath: r.tempFilePath }) as unknown as { size: number }
    return { path: r.tempFilePath, bytes: info.size }
  })
  return out ? { path: out.path, bytes: out.bytes, reencoded: true } : p
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, fail) => {
    const img = new Image()
    img.onload = () => ok(img)
    img.onerror = () => fail(new Error('无法读取照片'))
    img.src = src
  })
}
