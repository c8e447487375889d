/** Cloud function `registration`: thin wiring of contract → use case → CloudBase adapters. */
import * as cloud from 'wx-server-sdk';
import { createCloudMain } from '../../server/cloud/cloud-main';
import { registrationRoutes } from '../../server/functions/registration.routes';

export const main = createCloudMain('registration', registrationRoutes, () => ({ cloud, env: process.env }));
