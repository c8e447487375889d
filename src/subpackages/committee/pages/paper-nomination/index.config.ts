export default definePageConfig({ navigationBarTitleText: '录入纸质提名票' });
