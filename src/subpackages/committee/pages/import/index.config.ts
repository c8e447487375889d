export default definePageConfig({ navigationBarTitleText: '导入选民名册' });
