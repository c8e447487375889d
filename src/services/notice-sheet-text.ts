/**
 * The body of one 选民登记告知书 slip, by what the entry is: only a registered person is told they
 * are a voter; a pending migrant (category B) is told to declare participation (本人表示参加选举);
 * a pending non-户籍 resident (category C) that the 村民会议/村民代表会议 decides (RULES.md §1).
 * Pure text, shared by the import page and the roll page's reissued code.
 */
import { awaitsDeclaration, type VoterCategory as Category, type VoterStatus as Status } from '../domain/voter-todo';

export interface NoticeSheetEntry {
  /** The election's title; '本届选举' when unknown. */
  readonly title: string;
  readonly category?: Category | null;
  readonly status?: Status | null;
  /** Once the list is published, a pending person can no longer declare or be approved: only object. */
  readonly listPublished?: boolean;
}

const BIND = '请在微信里打开“村选通”小程序，用姓名、身份证号码和下面的绑定码绑定身份';

export function noticeSheetText({ title, category, status, listPublished = false }: NoticeSheetEntry): string {
  const election = title.trim() || '本届选举';
  if (status === 'registered') return `您已登记为${election}的选民。${BIND}，核对本人的登记信息。`;
  if (status === 'pending' && listPublished) {
    return `您没有列入${election}的选民名单。${BIND}，查看本人的登记信息；认为应当列入的，可以在申诉期内向村选举委员会提出申诉。`;
  }
  if (awaitsDeclaration({ category, status })) {
    return (
      `您的户籍在本村、人在外地，还没有登记为${election}的选民。要参加选举，需要本人表示参加：` +
      `${BIND}后点“我要参加本届选举”，或者当面、打电话告诉村选举委员会。选民名单公布以后就不能再表示了。`
    );
  }
  if (status === 'pending' && category === 'C') {
    return (
      `您申请参加${election}。户籍不在本村的，要由村民会议或村民代表会议决定是否同意登记，同意后才是选民。` +
      `${BIND}，核对本人的登记信息；审议结果可以问村选举委员会。`
    );
  }
  // Flagged or unknown: say nothing about being a voter.
  return `这是您在${election}选民登记表上的信息。${BIND}，核对本人的登记信息；有疑问请找村选举委员会。`;
}
