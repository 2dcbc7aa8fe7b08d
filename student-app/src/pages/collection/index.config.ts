export default definePageConfig({ navigationBarTitleText: '采集详情' })
