import * as z from 'zod/mini';

/** Chinese fallback messages for any zod issue a schema does not word itself. */
z.config(z.locales.zhCN());
