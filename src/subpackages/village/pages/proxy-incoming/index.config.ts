export default definePageConfig({ navigationBarTitleText: '别人请我代投票' });
