/** Cloud function `nominations`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { nominationsRoutes } from '../../server/functions/nominations.routes';

export const main = createCloudMain('nominations', nominationsRoutes, () => ({ cloud, env: process.env }));
