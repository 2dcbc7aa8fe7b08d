import { describe, expect, it } from 'vitest'
import { clothingRule, colourWord, formatBytes, reviewSentence, supportLine, uploadLimitText } from '../src/lib/batch'
import { tidyPunctuation } from '../src/lib/format'
import { toOpenBatch } from '../src/api/normalize'

describe('the batch texts the student reads', () => {
  it('has no built-in phone: a batch without one sends the student to the school', () => {
    expect(supportLine({})).toEqual({ text: '请联系学校' })
    expect(supportLine({ supportPhone: '010-62345678', supportHours: '工作日 9:00-17:00' })).toEqual({ phone: '010-62345678', text: '010-62345678（工作日 9:00-17:00）' })
  })
  it('promises the batch\'s review time, or nothing specific', () => {
    expect(reviewSentence({ reviewPromiseText: '三个工作日内' })).toBe('审核时间预计三个工作日内')
    expect(reviewSentence({})).toBe('审核时间以学校通知为准')
  })
  it('words the upload limits from the batch', () => {
    expect(formatBytes(20_000)).toBe('20KB')
    expect(formatBytes(2_000_000)).toBe('2MB')
    expect(formatBytes(1_500_000)).toBe('1.5MB')
    expect(uploadLimitText({ uploadMinBytes: 100_000, uploadMaxBytes: 2_000_000 })).toBe('照片为 JPG 格式，大小 100KB–2MB。')
    expect(uploadLimitText({})).toBe('照片为 JPG 格式。')
  })
  it('reads open batches with only the modes they offer, in the app\'s names', () => {
    const b = toOpenBatch({ batchId: 'b', batchName: 'n', eligibilityModes: ['ID_AND_PHONE', 'SCHOOL_NAME_ID'], signUpOpen: true, shootingOpen: false, priceFen: 2500 })
    expect(b.modes).toEqual(['IDENTITY', 'SCHOOL'])
    expect(b.shootingOpen).toBe(false)
    expect(b.priceFen).toBe(2500)
  })
})

describe('tidyPunctuation', () => {
  it('drops the full stop before the separator that joins two sentences', () => {
    expect(tidyPunctuation('原因：背景不是纯色。；眼镜反光。')).toBe('原因：背景不是纯色；眼镜反光。')
    expect(tidyPunctuation('一。。二；；三')).toBe('一。二；三')
  })
  it('leaves ordinary text and decimals alone', () => {
    expect(tidyPunctuation('大小 1.5MB，请重拍。')).toBe('大小 1.5MB，请重拍。')
  })
})

describe('the clothing rule names the batch’s own backgrounds', () => {
  it('reads names and #RRGGBB as a student says them', () => {
    expect(['blue', 'WHITE', '#64C5FF', '#ffffff', '#F0F0F0', '#D9001B', 'teal?'].map(colourWord)).toEqual(['蓝色', '白色', '蓝色', '白色', '浅灰色', '红色', ''])
  })

  it('forbids the one background colour, or asks for contrast with several', () => {
    expect(clothingRule({ backgroundColours: ['blue'] })).toBe('因图像采集背景为蓝色，禁止穿蓝色衣服')
    expect(clothingRule({ backgroundColours: ['#FFFFFF'] })).toBe('因图像采集背景为白色，禁止穿白色衣服')
    expect(clothingRule({ backgroundColours: ['blue', 'white'] })).toBe('图像采集背景为蓝色或白色，请勿穿与背景颜色相近的衣服')
    expect(clothingRule({})).toBe('请勿穿与背景颜色相近的衣服')
  })
})
