import { identity } from '../../src/contracts';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { bindVoter } from '../use-cases/identity/bind-voter.use-case';
import { listPublicKeys } from '../use-cases/identity/public-keys.use-case';
import { redeemCommitteeInvite } from '../use-cases/identity/redeem-invite.use-case';
import { unbindVoter } from '../use-cases/identity/unbind-voter.use-case';
import { whoAmI } from '../use-cases/identity/whoami.use-case';

export const identityRoutes: FunctionRoutes = {
  whoami: route(identity.whoami, whoAmI),
  bind: route(identity.bind, bindVoter),
  unbind: route(identity.unbind, unbindVoter),
  redeemInvite: route(identity.redeemInvite, redeemCommitteeInvite),
  publicKeys: route(identity.publicKeys, listPublicKeys),
};
