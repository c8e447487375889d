/** Wording of the 选民名单公告 and the 申诉处理结果公告 (RULES.md §1, §6). */
import { LIST_CHANGE_LABELS, OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc, VillageDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { ListChangeRecord, ObjectionDoc } from '../../../src/contracts/documents/objection-documents.schema';
import type { RuleSet } from '../../../src/domain/presets/types';
import { dateWords } from '../shared/format.text';

const lawOf = (kind: ElectionDoc['kind']) => (kind === 'village' ? '《中华人民共和国村民委员会组织法》' : '《中华人民共和国城市居民委员会组织法》');
export const committeeNameOf = (village: Pick<VillageDoc, 'name' | 'kind'>) => `${village.name}${village.kind === 'village' ? '村民选举委员会' : '居民选举委员会'}`;

/** The objection rule as villagers read it on the notice. */
export function objectionRuleText(rules: RuleSet, filingLastDay: string, decisionLastDay: string): string {
  const o = rules.objection;
  return o.mode === 'afterPublication'
    ? `对选民名单有不同意见的，可以自名单公布之日起${o.fileWithinDays}日内（${dateWords(filingLastDay, { weekday: false })}以前，含当天）向选举委员会申诉；选举委员会自收到申诉之日起${o.decideWithinDays}日内作出处理决定，并公布处理结果。`
    : `对选民名单有不同意见的，可以在${dateWords(filingLastDay)}以前（含当天，选举日前${o.fileByDaysBefore}日）向选举委员会申诉；选举委员会在${dateWords(decisionLastDay)}以前（选举日前${o.decideByDaysBefore}日）作出处理决定，并公布处理结果。`;
}

export function voterListNotice(
  election: ElectionDoc,
  village: VillageDoc,
  count: number,
  ruleText: string,
): { title: string; body: string } {
  return {
    title: `${village.name}选民名单公告`,
    body: [
      `根据${lawOf(election.kind)}和有关规定，现将${election.title}登记参加选举的选民名单予以公布，共${count}人，按村民小组和姓氏笔画排列（名单附后，只列姓名和所在小组）。`,
      `选举日为${dateWords(election.electionDay)}。`,
      ruleText,
      `${committeeNameOf(village)}`,
    ].join('\n'),
  };
}

export function objectionResultNotice(
  election: ElectionDoc,
  village: VillageDoc,
  o: ObjectionDoc,
  outcome: 'upheld' | 'rejected',
  reason: string,
  change: ListChangeRecord | null,
  subject: { name: string; group: string },
  late: boolean,
): { title: string; body: string } {
  const result = `${OBJECTION_STATUS_LABELS[outcome]}${change ? `，${LIST_CHANGE_LABELS[change.kind]}` : ''}`;
  return {
    title: `${village.name}申诉处理结果公告（第${o.no}号）`,
    body: [
      `根据${lawOf(election.kind)}和有关规定，${committeeNameOf(village)}对第${o.no}号关于选民名单的申诉作出如下处理决定：`,
      `申诉事项：${OBJECTION_KIND_LABELS[o.kind]}`,
      `涉及人员：${subject.name}（${subject.group}）`,
      `处理结果：${result}`,
      `理由：${reason}`,
      `收到申诉日期：${dateWords(o.receivedOn)}；法定处理期限：${dateWords(o.decisionLastDay)}${late ? '；本决定超过法定处理期限作出' : ''}。`,
    ].join('\n'),
  };
}
