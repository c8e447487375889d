/** Cloud function `committee`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { committeeRoutes } from '../../server/functions/committee.routes';

export const main = createCloudMain('committee', committeeRoutes, () => ({ cloud, env: process.env }));
