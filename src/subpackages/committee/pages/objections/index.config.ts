export default definePageConfig({ navigationBarTitleText: '申诉处理', enablePullDownRefresh: true });
