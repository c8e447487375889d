/**
 * 近亲属 — near relatives, who alone may cast a proxy vote (村民委员会组织法 (2018) Art. 15,
 * RULES.md §4). 民法典 Art. 1045: spouse, parents, children, siblings, grandparents (both
 * sides), grandchildren (both sides). In-laws (姻亲) are relatives but not near relatives; a
 * preset may extend proxies to them (`proxy.includeInLaws`).
 */
import type { RuleSet } from './presets/types';

export type Relation =
  | 'spouse'
  | 'parent'
  | 'child'
  | 'sibling'
  | 'grandparent'
  | 'grandchild'
  | 'parentInLaw'
  | 'childInLaw'
  | 'siblingInLaw';

/** The relation of the proxy to the principal, as the form names it. */
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
  parentInLaw: '公婆/岳父母',
  childInLaw: '儿媳/女婿',
  siblingInLaw: '兄弟姐妹的配偶/配偶的兄弟姐妹',
};

export const RELATIONS = Object.keys(RELATION_LABELS) as readonly Relation[];

/** @see 民法典 Art. 1045 ¶2 */
const CIVIL_CODE_NEAR: ReadonlySet<Relation> = new Set<Relation>(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild']);

export const isInLaw = (relation: Relation): boolean => !CIVIL_CODE_NEAR.has(relation);

export const isNearRelative = (relation: Relation, rules: RuleSet): boolean =>
  CIVIL_CODE_NEAR.has(relation) || (rules.proxy.includeInLaws && isInLaw(relation));
