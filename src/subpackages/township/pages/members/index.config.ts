export default definePageConfig({ navigationBarTitleText: '选举委员会成员', enablePullDownRefresh: true });
