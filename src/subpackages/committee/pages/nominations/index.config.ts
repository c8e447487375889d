export default definePageConfig({ navigationBarTitleText: '提名和候选人' });
