/**
 * Every collection of the deployment's CloudBase database: what it holds, the document id its
 * invariant rests on (uniqueness by id, ARCHITECTURE.md principle 7 — `_id` is the one unique
 * index CloudBase and the embedded store both enforce), the query indexes the store adapters use
 * (INDEXED_FIELDS), and the security rule. `npm run db:rules` (scripts/apply-db-rules.ts) applies
 * it; test/server/store/collections.test.ts checks it against the code and the SQLite schema.
 *
 * Security rule: the mini-program reads and writes nothing directly. Every read and write goes
 * through the cloud functions, which check identity (getWXContext().OPENID) and role, and run
 * with administrator rights that security rules do not restrict. So every collection denies all
 * client access: `{ "read": false, "write": false }` (AclTag CUSTOM).
 */
import { INDEXED_FIELDS, type Collection } from '../../ports/store.port';

/** The rule of every collection: no direct client access. */
export const FUNCTIONS_ONLY_RULE = { read: false, write: false } as const;

export interface CollectionIndex {
  /** Index name on CloudBase (the embedded store's is docs_<collection>_by_<field>). */
  readonly name: string;
  readonly fields: readonly { readonly field: string; readonly direction: 1 | -1 }[];
  readonly unique: boolean;
}

export interface CollectionDescription {
  readonly name: Collection;
  readonly purpose: string;
  /** The document id and the invariant its uniqueness carries (CloudBase `_id`, SQLite primary key). */
  readonly uniqueId: string;
  readonly indexes: readonly CollectionIndex[];
  readonly rule: typeof FUNCTIONS_ONLY_RULE;
}

/** What each collection holds and what its document id guarantees. */
const ABOUT: Readonly<Record<Collection, readonly [purpose: string, uniqueId: string]>> = {
  township: ['the township (乡镇) of the deployment', 'township id'],
  village: ['villages and residents’ communities', 'village id'],
  invite: ['committee invitation codes (keyed hash only)', 'keyed hash of the code: a code redeems once'],
  member: ['election-committee members and their terms', '{villageId}:{memberRef}: one seat per person per village'],
  election: ['elections with their rule set and calendar', 'election id'],
  voter: ['roll entries (name, group, birth date, sex; ID only as keyed hash; phone sealed)', 'voter id'],
  idIndex: ['one registration per person across every village (不重登)', 'keyed hash of the ID number'],
  binding: ['WeChat user ↔ roll entry', 'openid: one entry per WeChat user'],
  bindAttempt: ['failed binding attempts and lockouts', 'openid (or entry key)'],
  audit: ['the linked audit chain', '{scope}:{seq}: one entry per position of a scope’s chain'],
  auditHead: ['the head of each audit chain', 'scope'],
  auditPending: ['audit entries waiting to be linked', '{scope}:{at}:{n}:{uuid}'],
  auditCheckpoint: ['signed audit checkpoints', '{scope}:{seq}'],
  notice: ['published notices (公告)', 'notice id'],
  meta: ['markers and claims (seed, corrections, migrations, active election per village)', 'claim name: a claim is taken once'],
  noticeChunk: ['attachment rows of notices, in chunks', '{noticeId}:{chunk}'],
  voterListMap: ['the frozen voter list’s row numbers', '{electionId}:…'],
  objection: ['objections (异议/申诉) and their decisions', 'objection id'],
  delivery: ['single subscribe-message deliveries', 'delivery id'],
  duplicate: ['double registrations found by trusted sources', '{electionId}:{idHash}'],
  rollImport: ['roll import jobs', 'import id'],
  rollImportBatch: ['per-batch import reports (codes sealed)', '{importId}:{batch}'],
  consent: ['subscribe-message consents', '{electionId}:{openid}:…'],
  read: ['notice read receipts', '{noticeId}:{voterId}: one receipt per voter'],
  pushJob: ['notice push jobs (leased, resumable)', 'job id'],
  noticeDelivery: ['per-voter deliveries of a push job', '{jobId}:{voterId}: each voter pushed at most once'],
  request: ['idempotency records of client requestIds', 'keyed hash of (caller, action, requestId)'],
  nomination: ['nomination ballots', '{electionId}:{voterId}: one ballot per voter'],
  receipt: ['ballot receipts', 'receipt id'],
  nominationCount: ['running nomination counts, sharded so simultaneous ballots rarely write the same document', '{electionId}:{shard}: one per shard (shard = hash of the ballot id mod NOMINATION_COUNT_SHARDS)'],
  candidate: ['candidates and their review', '{electionId}:{post}:{voterId}'],
  proxy: ['proxy authorisations (委托投票)', 'authorisation id'],
  proxyLoad: ['principals per proxy (the per-proxy limit)', '{electionId}:{proxyVoterId}: one counter per proxy'],
  proxyPrincipal: ['the one active proxy of a principal', '{electionId}:{principalVoterId}'],
  ballotIssue: ['election-day ballot issue (check-in)', '{electionId}:{voterId}: one ballot per voter'],
  phoneReveal: ['phone reveals per committee member per hour (rate limit)', '{memberRef}:{hour}'],
};

export const COLLECTIONS: readonly CollectionDescription[] = (Object.keys(INDEXED_FIELDS) as Collection[]).map((name) => ({
  name,
  purpose: ABOUT[name][0],
  uniqueId: ABOUT[name][1],
  indexes: INDEXED_FIELDS[name].map((field) => ({ name: `by_${field}`, fields: [{ field, direction: 1 as const }], unique: false })),
  rule: FUNCTIONS_ONLY_RULE,
}));
