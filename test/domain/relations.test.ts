import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { RuleSet } from '../../src/domain/presets/types';
import { RELATIONS, RELATION_LABELS, isNearRelative, type Relation } from '../../src/domain/relations';

function rules(presetId: string): RuleSet {
  const r = resolveRuleSet(presetId, 'village', '2026-05-10');
  if (!r.ok) throw new Error(`no rules for ${presetId}`);
  return r.value;
}
const withoutInLaws = rules('national');
const withInLaws = rules('zhejiang');

const CIVIL_CODE: Relation[] = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'];
const IN_LAWS: Relation[] = ['parentInLaw', 'childInLaw', 'siblingInLaw'];

describe('isNearRelative (民法典 Art. 1045)', () => {
  it('uses presets that differ on the in-law switch', () => {
    expect(withoutInLaws.proxy.includeInLaws).toBe(false);
    expect(withInLaws.proxy.includeInLaws).toBe(true);
  });
  it.each(CIVIL_CODE)('accepts when the relation is %s, with or without the in-law switch', (r) => {
    expect(isNearRelative(r, withoutInLaws)).toBe(true);
    expect(isNearRelative(r, withInLaws)).toBe(true);
  });
  it.each(IN_LAWS)('rejects when the relation is %s and the preset keeps the Civil Code list', (r) => {
    expect(isNearRelative(r, withoutInLaws)).toBe(false);
  });
  it.each(IN_LAWS)('accepts when the relation is %s and the preset extends proxies to in-laws', (r) => {
    expect(isNearRelative(r, withInLaws)).toBe(true);
  });
});

describe('RELATION_LABELS', () => {
  it('names every relation in Chinese', () => {
    expect(RELATIONS).toHaveLength(9);
    expect(RELATION_LABELS).toEqual({
      spouse: '配偶',
      parent: '父母',
      child: '子女',
      sibling: '兄弟姐妹',
      grandparent: '祖父母/外祖父母',
      grandchild: '孙子女/外孙子女',
      parentInLaw: '公婆/岳父母',
      childInLaw: '儿媳/女婿',
      siblingInLaw: '兄弟姐妹的配偶/配偶的兄弟姐妹',
    });
  });
});
