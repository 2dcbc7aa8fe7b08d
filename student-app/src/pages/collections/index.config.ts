export default definePageConfig({ navigationBarTitleText: '采集列表' })
