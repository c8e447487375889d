/**
 * Ids of the per-election objection counters, shared by objections.fileObjection (which counts an
 * objector's undecided objections and numbers them) and committee.decideObjection (which releases
 * the count): apart from the villager use case so the committee function does not bundle it.
 */

/** meta/objectionLoad:{electionId}:{key} — an objector's undecided objections; key: voter id, `self:{idHash}` or `wx:{actor}`. */
export const objectionLoadId = (electionId: string, key: string) => `objectionLoad:${electionId}:${key}`;
export const objectionSeqId = (electionId: string) => `objectionSeq:${electionId}`;
