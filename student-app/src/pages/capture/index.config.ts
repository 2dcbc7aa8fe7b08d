export default definePageConfig({ navigationBarTitleText: '采集照片' })
