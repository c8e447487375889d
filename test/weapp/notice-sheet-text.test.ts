/** The 选民登记告知书 text (src/services/notice-sheet-text.ts): only a registered person is told they are a voter. */
import { noticeSheetText } from '../../src/services/notice-sheet-text';

const title = '清溪村第十二届村民委员会换届选举';

describe('noticeSheetText', () => {
  it('tells a registered person they are a voter and how to bind', () => {
    const t = noticeSheetText({ title, category: 'A', status: 'registered' });
    expect(t).toContain(`您已登记为${title}的选民`);
    expect(t).toContain('绑定码');
  });
  it('tells a pending migrant (category B) to declare, in the app or to the committee, and never that they are registered', () => {
    const t = noticeSheetText({ title, category: 'B', status: 'pending' });
    expect(t).not.toContain('您已登记为');
    expect(t).toContain('需要本人表示参加');
    expect(t).toContain('我要参加本届选举');
    expect(t).toContain('当面、打电话告诉村选举委员会');
    expect(t).toContain('选民名单公布以后就不能再表示了');
  });
  it('tells a pending category C applicant that the meeting decides, and never that they are registered', () => {
    const t = noticeSheetText({ title, category: 'C', status: 'pending' });
    expect(t).not.toContain('您已登记为');
    expect(t).toContain('村民会议或村民代表会议决定是否同意登记');
  });
  it('tells a pending person after publication that they are not on the list and may object', () => {
    const t = noticeSheetText({ title, category: 'B', status: 'pending', listPublished: true });
    expect(t).toContain('您没有列入');
    expect(t).toContain('申诉');
    expect(t).not.toContain('表示参加');
  });
  it('says nothing about being a voter for a flagged or unknown entry', () => {
    for (const t of [noticeSheetText({ title, category: 'A', status: 'movedAway' }), noticeSheetText({ title })]) {
      expect(t).not.toContain('您已登记为');
      expect(t).toContain('核对本人的登记信息');
    }
  });
  it('names 本届选举 when the title is unknown', () => {
    expect(noticeSheetText({ title: ' ', status: 'registered' })).toContain('您已登记为本届选举的选民');
  });
});
