/**
 * What every build's roll upload shares (kept out of roll-upload.ts: a platform file importing a
 * value from './roll-upload' would get itself, as the build resolves that name to it).
 */

/** 5 MB, as committee.importRoll reads at most. */
export const MAX_ROLL_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Where committee.importRoll accepts a village's sheets (server/ports/storage.port.ts rollImportPrefix). */
export const rollUploadPath = (villageId: string, name: string) =>
  `roll-imports/${villageId}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${/\.xlsx$/i.test(name) ? 'xlsx' : 'csv'}`;
