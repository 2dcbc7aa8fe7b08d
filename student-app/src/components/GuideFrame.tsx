import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { DIPLOMA_GUIDES, type GuideSpec, guideBands, pan, pinch, type Point, type Size, type Transform } from '../lib/crop'

interface Props {
  src: string
  image: Size
  frame: Size
  transform: Transform
  onChange?: (t: Transform) => void
}

/** Spec guide lines over a 3:4 frame: head-top band, eye-line band, face-width limits. */
export function GuideLines({ spec = DIPLOMA_GUIDES }: { spec?: GuideSpec }) {
  const g = guideBands(spec)
  return (
    <>
      <View className="guide-band" style={{ top: `${g.headTop[0]}%`, height: `${g.headTop[1] - g.headTop[0]}%` }}>
        <Text className="guide-label">头顶</Text>
      </View>
      <View className="guide-band" style={{ top: `${g.eyeLine[0]}%`, height: `${g.eyeLine[1] - g.eyeLine[0]}%` }}>
        <Text className="guide-label">眼睛</Text>
      </View>
      <View className="guide-v" style={{ left: `${g.faceOuter[0]}%` }} />
      <View className="guide-v" style={{ left: `${g.faceOuter[1]}%` }} />
    </>
  )
}

function points(touches: unknown, origin: Point): Point[] {
  const list = touches as ArrayLike<{ clientX: number; clientY: number }>
  const out: Point[] = []
  for (let i = 0; i < (list?.length ?? 0); i++) out.push({ x: list[i].clientX - origin.x, y: list[i].clientY - origin.y })
  return out
}

/** The picture in the guide frame: one finger pans, two fingers pinch-zoom. */
export function GuideFrame({ src, image, frame, transform, onChange }: Props) {
  const origin = useRef<Point>({ x: 0, y: 0 })
  const last = useRef<Point[]>([])
  const t = useRef(transform)
  t.current = transform

  useEffect(() => {
    Taro.createSelectorQuery().select('#guide-frame').boundingClientRect((r) => {
      const rect = Array.isArray(r) ? r[0] : r
      if (rect) origin.current = { x: rect.left, y: rect.top }
    }).exec()
  }, [frame.width, frame.height])

  const start = (e: { touches?: unknown; preventDefault?: () => void }) => { last.current = points(e.touches, origin.current) }
  const move = (e: { touches?: unknown; preventDefault?: () => void }) => {
    e.preventDefault?.()
    const now = points(e.touches, origin.current)
    const prev = last.current
    let next = t.current
    if (now.length >= 2 && prev.length >= 2) next = pinch(next, prev[0], prev[1], now[0], now[1], image, frame)
    else if (now.length === 1 && prev.length >= 1) next = pan(next, now[0].x - prev[0].x, now[0].y - prev[0].y, image, frame)
    last.current = now
    if (next !== t.current) onChange?.(next)
  }
  const end = (e: { touches?: unknown; preventDefault?: () => void }) => { last.current = points(e.touches, origin.current) }

  return (
    <View className="frame-wrap">
      <View id="guide-frame" className="frame" style={{ width: `${frame.width}px`, height: `${frame.height}px` }}
        catchMove onTouchStart={start} onTouchMove={move} onTouchEnd={end} onTouchCancel={end}>
        <Image className="frame-img" src={src} mode="scaleToFill"
          style={{ left: `${transform.x}px`, top: `${transform.y}px`, width: `${image.width * transform.scale}px`, height: `${image.height * transform.scale}px` }} />
        <GuideLines />
      </View>
    </View>
  )
}
