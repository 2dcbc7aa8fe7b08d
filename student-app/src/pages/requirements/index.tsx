import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ServiceButton } from '../../components/ui'
import { type BatchTexts } from '../../api/types'
import { clothingRule, currentBatch, uploadLimitText } from '../../lib/batch'
import { param } from '../../lib/hooks'

/** The platform's generic rules, for a batch that wrote none; the clothing rule names its backgrounds. */
export const shootingRules = (batch: BatchTexts) => [
  '选取光线较好的室内，选择一面干净的白墙，穿与背景颜色有反差的衣服，身体距离墙壁一米左右；',
  '使用后置摄像头拍摄身体部位至胸部部位的半身；',
  '露出耳朵和额头，头部正视镜头，保持肩膀齐平，表情自然，嘴唇自然闭合；',
  '尽量不要佩戴眼镜，常戴眼镜者可以佩戴眼镜，但不得戴有色眼镜，镜片不能反光；不得佩戴头饰、耳饰、项链等饰品；',
  `穿单色有领衣服，避免复杂图案、花纹，不要穿无袖、吊带、低胸衫；${clothingRule(batch)}；`,
  '避免脸部阴影或阴阳脸；',
  '素颜，禁止美颜和化妆、佩戴美瞳。',
]

export default function Requirements() {
  const id = param('id')
  const batch = currentBatch()
  // the batch's own requirements replace the platform's generic rules
  const own = batch.shootingRequirements?.split(/\n+/).map((l) => l.trim()).filter(Boolean)
  return (
    <View className="page">
      <View className="card">
        <Text className="subtitle">拍照注意事项</Text>
        {own?.length
          ? own.map((r, i) => <Text className="list-item" id={i === 0 ? 'batch-requirements' : undefined} key={i}>{r}</Text>)
          : shootingRules(batch).map((r, i) => <Text className="list-item" key={i}>{i + 1}. {r}</Text>)}
        <Text className="error-bar mt" id="upload-limits">不可上传自拍照，必须请他人持手机为您拍摄。{uploadLimitText(batch)}</Text>
      </View>
      {id && <Button className="btn btn-primary" onClick={() => Taro.redirectTo({ url: `/pages/capture/index?id=${encodeURIComponent(id)}` })}>我已阅读，拍照或从相册选取</Button>}
      <ServiceButton />
    </View>
  )
}
