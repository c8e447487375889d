/**
 * The contracts the client uses, imported module by module: the src/contracts barrel pulls in
 * every function's schemas (committee, township, roll, …) and would grow the main package with
 * each new action. Add a module here when a page starts calling it. Modules only a sub-package
 * calls (nominations, proxies, township, the committee's roll and roll import, objection decisions, notice publication and proxy
 * actions) are imported there directly, from their contract file, so they stay out of the main
 * package (scripts/report-size.mjs holds its budget).
 */
import '../contracts/zod-locale';

export * as identity from '../contracts/identity.contract';
export * as registration from '../contracts/registration.contract';
export * as objection from '../contracts/objection.contract';
export * as notices from '../contracts/notice.contract';
export { DEFAULT_MESSAGES } from '../contracts/envelope';
export { errEnvelopeSchema } from '../contracts/envelope.schema';
export type { Envelope, ErrEnvelope, ErrorCode } from '../contracts/envelope';
export type { ActionContract, InputOf, OutputOf } from '../contracts/define-action';
export type { ElectionSummary } from '../contracts/common.schema';
export type { VoterView } from '../contracts/voter.schema';
export type { MyObjectionView } from '../contracts/objection.schema';
