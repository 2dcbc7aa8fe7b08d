import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type BatchTexts } from '../../api/types'
import { clothingRule, currentBatch, reviewSentence, supportLine } from '../../lib/batch'

// Answers that depend on the batch (its backgrounds, its review time) are written from it.
export const FAQ: { q: string; a: string | ((b: BatchTexts) => string) }[] = [
  { q: '提示“眼睛位置偏高/偏低”怎么办？', a: '拍摄时人物不要太靠上或太靠下，胸部以上半身居中；上传前用两指缩放、单指移动，让双眼落在中间色带内。' },
  { q: '提示“头部倾斜/双眼不水平”怎么办？', a: '请保持头部端正、双肩齐平、正视镜头后重拍。系统不会旋转或修饰您的照片。' },
  { q: '提示“头顶离上边缘太近”怎么办？', a: '发髻、高马尾会让头顶过高，请放下头发；拍摄时在头顶上方留出空间。' },
  { q: '提示“照片不清晰”怎么办？', a: '请使用原图，不要翻拍照片或截取一寸照；在光线充足处用后置摄像头对焦后拍摄。' },
  { q: '提示“黑边/衣服与背景颜色接近”怎么办？', a: (b) => `${clothingRule(b)}；穿与背景有明显反差的单色有领衣服。` },
  { q: '眼镜反光、戴美瞳可以吗？', a: '常戴眼镜者可佩戴，但不能反光、镜框不能遮挡眼睛；不得佩戴有色眼镜或美瞳。' },
  { q: '审核未通过需要再次付费吗？', a: '不需要。一次缴费，多次拍摄，审核未通过请按审核意见尽快重拍上传。' },
  { q: '审核需要多久？', a: (b) => `${reviewSentence(b)}。审核中如需更换照片，请立即联系客服；审核通过后不支持更换照片。` },
]

export default function Support() {
  const batch = currentBatch()
  const line = supportLine(batch)
  const faq = FAQ.map((f) => ({ q: f.q, a: typeof f.a === 'function' ? f.a(batch) : f.a }))
  return (
    <View className="page">
      <View className="card">
        <Text className="subtitle">客服咨询</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn btn-primary" openType="contact">在线客服</Button>
        ) : (
          <Text className="hint">在线客服请在微信小程序中使用。</Text>
        )}
        {line.phone ? (
          <Button className="btn btn-default" id="support-phone" onClick={() => Taro.makePhoneCall({ phoneNumber: line.phone! }).catch(() => undefined)}>电话咨询 {line.text}</Button>
        ) : (
          <Text className="hint" id="support-phone">电话咨询：{line.text}{batch.schoolName ? `（${batch.schoolName}）` : ''}</Text>
        )}
        <Text className="hint">照片“审核未通过”请尽快重新拍照，重拍上传不需要重复付费。</Text>
      </View>
      <View className="card">
        <Text className="subtitle">拍摄常见问题</Text>
        {faq.map((f) => (
          <View key={f.q}><Text className="faq-q">{f.q}</Text><Text className="faq-a">{f.a}</Text></View>
        ))}
      </View>
    </View>
  )
}
