import { committee } from '../../src/contracts';
import { route, type FunctionRoutes } from '../runtime/dispatch';
import { createElectionUseCase } from '../use-cases/committee/create-election.use-case';

export const committeeRoutes: FunctionRoutes = {
  createElection: route(committee.createElection, createElectionUseCase),
};
