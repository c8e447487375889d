/** Cloud function `proxies`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { proxiesRoutes } from '../../server/functions/proxies.routes';

export const main = createCloudMain('proxies', proxiesRoutes, () => ({ cloud, env: process.env }));
