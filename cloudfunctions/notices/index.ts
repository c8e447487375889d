/** Cloud function `notices`: thin wiring of contract → use case → CloudBase adapters, plus the push timer. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { noticesRoutes } from '../../server/functions/notices.routes';
import { withPushTimer } from '../../server/cloud/cloud-push-timer';

export const main = withPushTimer(
  createCloudMain('notices', noticesRoutes, () => ({ cloud, env: process.env })),
  () => cloud,
);
