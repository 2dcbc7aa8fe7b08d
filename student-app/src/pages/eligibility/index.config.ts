export default definePageConfig({ navigationBarTitleText: '获取采集资格' })
