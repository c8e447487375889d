/**
 * Dev-mode personas of the local host. The real implementation is dev-personas.h5.ts (browser
 * build only): the local host answers GET /dev/personas only when APP_MODE=dev, and the chosen
 * persona's openid goes out as X-Dev-Openid, which the host ignores outside dev mode. In the
 * mini-program the caller is always the WeChat user, so these are inert.
 */
export type PersonaRole = 'villager' | 'migrant' | 'proxy' | 'committee' | 'township';

export interface Persona {
  key: string;
  label: string;
  role: PersonaRole;
  openid: string;
  hint: string;
  bindWith: { name: string; idNumber: string; bindingCode: string } | null;
}

export function loadChosenPersona(): Persona | null {
  return null;
}

export function saveChosenPersona(_p: Persona | null): void {}

export function currentDevOpenid(): string | null {
  return null;
}

export async function fetchPersonas(): Promise<Persona[] | null> {
  return null;
}
