/** Cloud function `committee`: thin wiring of contract → use case → CloudBase adapters, plus the audit chain timer. */
import * as cloud from 'wx-server-sdk';
import { withAuditTimer } from '../../server/cloud/cloud-audit-timer';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { committeeRoutes } from '../../server/functions/committee.routes';

export const main = withAuditTimer(
  createCloudMain('committee', committeeRoutes, () => ({ cloud, env: process.env })),
  () => cloud,
  () => process.env,
);
