import * as identity from '../../src/contracts/identity.contract';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { bindVoterUseCase } from '../use-cases/identity/bind-voter.use-case';
import { listPublicKeysUseCase } from '../use-cases/identity/public-keys.use-case';
import { redeemInviteUseCase } from '../use-cases/identity/redeem-invite.use-case';
import { unbindVoterUseCase } from '../use-cases/identity/unbind-voter.use-case';
import { whoAmIUseCase } from '../use-cases/identity/whoami.use-case';

export const identityRoutes: FunctionRoutes = {
  whoami: route(identity.whoami, whoAmIUseCase),
  bind: route(identity.bind, bindVoterUseCase),
  unbind: route(identity.unbind, unbindVoterUseCase),
  redeemInvite: route(identity.redeemInvite, redeemInviteUseCase),
  publicKeys: route(identity.publicKeys, listPublicKeysUseCase),
};
