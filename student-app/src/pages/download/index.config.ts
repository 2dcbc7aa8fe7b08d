export default definePageConfig({ navigationBarTitleText: '下载图片' })
