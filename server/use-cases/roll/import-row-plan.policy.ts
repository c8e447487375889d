/**
 * committee.importRoll, row by row without the store: each sheet row checked (RULES.md §1 via
 * src/domain/registration-row.ts), repeated people in the file refused, an existing entry
 * compared field by field, and the warning for a likely corrected ID number.
 */
import type { importRoll } from '../../../src/contracts/roll-import.contract';
import type { OutputOf, ParsedInputOf } from '../../../src/contracts/define-action';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import { isFlagged } from '../../../src/domain/registration';
import { checkRollRow, type RollRejectReason, type RollRowInput, type ValidRollRow } from '../../../src/domain/registration-row';
import type { WithId } from '../../runtime/documents';
import { keyedHash } from '../../security/keyed-hash';
import { nameKey } from '../shared/name-key.records';
import type { PhoneBox } from '../../security/phone-box';

export type RowReport = OutputOf<typeof importRoll>['rows'][number];

export interface PlannedRow {
  readonly valid: ValidRollRow;
  readonly idHash: string;
}

/** One sheet row: refused before any store access, or to be imported. */
export type SheetRow = { readonly kind: 'rejected'; readonly report: RowReport } | { readonly kind: 'planned'; readonly p: PlannedRow };

/** The row's number in the clerk's sheet. */
export const sheetRowNumber = (r: SheetRow) => (r.kind === 'rejected' ? r.report.row : r.p.valid.row);

/** Field names as audited and reported (never values of ID or phone). */
export type Field = 'name' | 'group' | 'category' | 'phone' | 'residenceSince' | 'note';

/** `phones` opens the stored phone: a number changed only in its masked digits is a change too. */
export function diffEntry(v: VoterDoc, r: ValidRollRow, phones: PhoneBox): { fields: Field[]; patch: Partial<VoterDoc> } {
  const fields: Field[] = [];
  const patch: Partial<VoterDoc> = {};
  if (v.name !== r.name) {
    fields.push('name');
    patch.name = r.name;
    patch.nameKey = nameKey(r.name);
  }
  if (v.group !== r.group) {
    fields.push('group');
    patch.group = r.group;
  }
  if (v.category !== r.category) {
    fields.push('category');
    patch.category = r.category;
  }
  if (r.phone !== undefined && !samePhone(v, r.phone, phones)) {
    fields.push('phone');
    patch.phoneMasked = r.phoneMasked ?? null;
    patch.phoneSealed = r.phone === null ? null : phones.seal(r.phone, v.idHash);
  }
  if (r.residenceSince !== undefined && v.residenceSince !== r.residenceSince) {
    fields.push('residenceSince');
    patch.residenceSince = r.residenceSince;
  }
  if (r.note !== undefined && v.note !== r.note) {
    fields.push('note');
    patch.note = r.note;
  }
  return { fields, patch };
}

/** Whether the stored phone is this one; a masked-only phone (not callable) never is. */
function samePhone(v: VoterDoc, phone: string | null, phones: PhoneBox): boolean {
  if (phone === null) return v.phoneMasked === null && !v.phoneSealed;
  return v.phoneSealed ? phones.open(v.phoneSealed, v.idHash) === phone : false;
}

export function categoryHint(r: ValidRollRow): string[] {
  if (r.category === 'B') return ['外出选民：本人表示参加选举后列入名单'];
  if (r.category === 'C') return ['C类：经村民会议或村民代表会议同意后列入名单'];
  return [];
}

export const rejected = (row: number, reason: RollRejectReason, message: string, extra: Partial<RowReport> = {}): RowReport => ({
  row,
  status: 'rejected',
  reason,
  message,
  ...extra,
});

export const described = (r: ValidRollRow) => ({ name: r.name, group: r.group, birthDate: r.birthDate, sex: r.sex, category: r.category });

type RowsInput = NonNullable<ParsedInputOf<typeof importRoll>['rows']>;

/** Rows sent as data → the sheet's row shape. */
export function fromRows(rows: RowsInput): RollRowInput[] {
  return rows.map((r, i) => ({
    row: r.row ?? i + 1,
    name: r.name,
    idNumber: String(r.idNumber),
    ...(typeof r.idNumber === 'number' ? { idWasNumber: true } : {}),
    group: r.group,
    category: r.category,
    ...(r.phone !== undefined ? { phone: r.phone } : {}),
    ...(r.residenceSince !== undefined ? { residenceSince: r.residenceSince } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  }));
}

/**
 * Every row of the sheet checked in file order (the same answer on every call of a job, so a
 * resumed job refuses the same rows): a person's second row is DUPLICATE_IN_FILE.
 */
export function planSheet(rows: readonly RollRowInput[], env: Parameters<typeof checkRollRow>[1], idHmacKey: string): { rows: SheetRow[]; inFile: Set<string> } {
  const firstRowOf = new Map<string, number>();
  const out = rows.map((input): SheetRow => {
    const check = checkRollRow(input, env);
    if (!check.ok) return { kind: 'rejected', report: rejected(input.row, check.reason, check.message, input.name.trim() ? { name: input.name.trim().slice(0, 20) } : {}) };
    const idHash = keyedHash(idHmacKey, 'id', check.value.idNumber);
    const first = firstRowOf.get(idHash);
    if (first !== undefined) {
      return { kind: 'rejected', report: rejected(input.row, 'DUPLICATE_IN_FILE', `与本文件第${first}行是同一个身份证号码，同一个人只能登记一次`, described(check.value)) };
    }
    firstRowOf.set(idHash, input.row);
    return { kind: 'planned', p: { valid: check.value, idHash } };
  });
  return { rows: out, inFile: new Set(firstRowOf.keys()) };
}

export type SameName = ReadonlyMap<string, readonly WithId<VoterDoc>[]>;
const sameNameKey = (name: string, group: string) => `${nameKey(name)}|${group}`;

export function indexByName(roll: readonly WithId<VoterDoc>[]): SameName {
  const out = new Map<string, WithId<VoterDoc>[]>();
  for (const v of roll) out.set(sameNameKey(v.name, v.group), [...(out.get(sameNameKey(v.name, v.group)) ?? []), v]);
  return out;
}

/**
 * A new entry named like an existing one of the same group, under an ID number this file does not
 * contain: the file may correct that person's ID number, leaving the old entry registered.
 */
export function sameNameWarning(valid: ValidRollRow, idHash: string, sameName: SameName, inFile: ReadonlySet<string>): RowReport['warning'] {
  const other = (sameName.get(sameNameKey(valid.name, valid.group)) ?? []).find((v) => v.idHash !== idHash && !inFile.has(v.idHash) && !isFlagged(v.status));
  if (!other) return undefined;
  return {
    reason: 'SAME_NAME_OTHER_ID',
    message: `本村${other.group}已有一位${other.name}（${other.sex === 'M' ? '男' : '女'}，${other.birthDate}出生），这次的文件里没有那一条。如果这次是改正了此人的身份证号码，请把原来那一条注销（标记为“已迁出”并写明“身份证号码登记错误”），以免一人两条登记`,
    other: { voterId: other._id, name: other.name, group: other.group, birthDate: other.birthDate, sex: other.sex, status: other.status },
  };
}
