/** Cloud function `township`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { townshipRoutes } from '../../server/functions/township.routes';

export const main = createCloudMain('township', townshipRoutes, () => ({ cloud, env: process.env }));
