/** Cloud function `identity`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { identityRoutes } from '../../server/functions/identity.routes';

export const main = createCloudMain('identity', identityRoutes, () => ({ cloud, env: process.env }));
