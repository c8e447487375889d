import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS, ERROR_CODES, identity, township, committee, bindingCodeSchema, personNameSchema } from '../../src/contracts';
import { ACTION_CATALOGUE, parseCatalogue } from './action-catalogue';

describe('the catalogue', () => {
  it('uses only action names of the fixed catalogue (../shared/docs/API.md)', () => {
    for (const [fn, actions] of Object.entries(CONTRACTS)) {
      for (const action of Object.keys(actions ?? {})) {
        expect({ fn, action, listed: (ACTION_CATALOGUE[fn] ?? []).includes(action) }).toEqual({ fn, action, listed: true });
      }
    }
  });

  // The copy committed with the tests is always compared; where the shared ../shared/docs/API.md
  // sits next to the repo, the committed copy must equal it too (no skip on a bare checkout).
  const committedApiDoc = join(__dirname, 'fixtures/API.md');
  const sharedApiDoc = join(__dirname, '../../../shared/docs/API.md');
  it('keeps its copy of the catalogue equal to API.md (the committed copy, and ../shared/docs/API.md where it exists)', () => {
    expect(parseCatalogue(readFileSync(committedApiDoc, 'utf8'))).toEqual(ACTION_CATALOGUE);
    if (existsSync(sharedApiDoc)) expect(readFileSync(committedApiDoc, 'utf8')).toBe(readFileSync(sharedApiDoc, 'utf8'));
  });

  it('lists only envelope codes in every action’s errors', () => {
    for (const actions of Object.values(CONTRACTS)) {
      for (const c of Object.values(actions ?? {})) for (const code of Object.keys(c.errors)) expect(ERROR_CODES).toContain(code);
    }
  });
});

describe('shared field schemas', () => {
  it('normalizes a binding code typed with spaces, dashes and lower case', () => {
    expect(bindingCodeSchema.parse(' abcd-efgh ')).toBe('ABCDEFGH');
  });

  it('rejects a binding code with ambiguous characters, in Chinese', () => {
    const r = bindingCodeSchema.safeParse('ABCD0FGH');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toBe('绑定码是告知书上的8位字母和数字');
  });

  it('accepts names with a middle dot (少数民族) and rejects Latin letters', () => {
    expect(personNameSchema.safeParse('阿依古丽·买买提').success).toBe(true);
    expect(personNameSchema.safeParse('Zhang San').success).toBe(false);
    expect(personNameSchema.safeParse('张').success).toBe(false);
  });
});

describe('action inputs', () => {
  it('refuses unknown fields, so nothing like an openid can be smuggled in', () => {
    expect(identity.whoami.input.safeParse({ openid: 'x' }).success).toBe(false);
  });

  it('requires explicit consent to bind', () => {
    const r = identity.bind.input.safeParse({ name: '王秀英', idNumber: '11010519491231002X', bindingCode: 'ABCDEFGH', consent: false });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toBe('请先阅读并同意个人信息处理说明');
  });

  it('rejects a village without groups and an election with the same post twice', () => {
    expect(township.createVillage.input.safeParse({ name: '东村', kind: 'village', presetId: 'national', groups: [] }).success).toBe(false);
    const twice = committee.createElection.input.safeParse({ villageId: 'v', electionDay: '2026-05-10', posts: [{ post: 'member', seats: 3 }, { post: 'member', seats: 2 }] });
    expect(twice.success).toBe(false);
  });

  it('words type errors in Chinese even where a schema gives no message', () => {
    const r = committee.createElection.input.safeParse({ villageId: 'v', electionDay: '2026-05-10', posts: [{ post: 'director', seats: '一' }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
