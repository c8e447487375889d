export default definePageConfig({ navigationBarTitleText: '委托投票审核', enablePullDownRefresh: true });
