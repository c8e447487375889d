export default definePageConfig({ navigationBarTitleText: '选举日登记' });
