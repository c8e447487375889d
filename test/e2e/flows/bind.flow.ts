/**
 * The first flow: open the app, pick the villager persona, bind (wrong code refused, then the
 * demo data), see the home page, 关怀模式.
 */
import { fail, finishBox, shot, shown, tab, type Flow, type FlowCtx, type Persona, type Step } from '../lib';

function villager(c: FlowCtx): Persona {
  return c.personas.find((p) => p.role === 'villager' && p.bindWith) ?? fail('no villager persona with demo data');
}

const steps: Step[] = [
  {
    name: 'opens the app; the dev persona bar is offered',
    async run(c) {
      const { base, page } = c;
      await page.goto(base + '/');
      await shown(page, '[data-testid=devbar]').waitFor();
      const bar = await shown(page, '.devbar-text').innerText();
      if (!bar.includes('开发模式：当前身份')) fail(`persona bar says "${bar}"`);
      await shown(page, '#go-bind').waitFor();
      await shot(page, '01-start', true);
    },
  },
  {
    name: 'picks the villager persona',
    async run(c) {
      const { page } = c;
      const persona = villager(c);
      await shown(page, '.devbar-switch').click();
      await shown(page, `[data-persona="${persona.key}"]`).click();
      await page.waitForFunction(
        (label) => Array.from(document.querySelectorAll('.devbar-text')).some((e) => (e as HTMLElement).innerText.includes(label)),
        persona.label,
        { timeout: 0 },
      );
      const stored = await page.evaluate(() => localStorage.getItem('cxt.dev.persona'));
      if (!stored?.includes(persona.openid)) fail('the chosen persona was not stored');
      await shown(page, '#go-bind').waitFor();
      await shot(page, '02-persona-villager', true);
    },
  },
  {
    name: 'a wrong binding code is refused with a plain message',
    async run(c) {
      const { page } = c;
      const persona = villager(c);
      const demo = persona.bindWith!;
      await shown(page, '#go-bind').click();
      await shown(page, '[data-testid=bind-form]').waitFor();
      // Before publication no hint may say the list is out (it used to say 选民名单已经公布).
      const hint = (await shown(page, '[data-testid=not-on-roll-hint]').innerText()).replace(/\s+/g, ' ');
      if (hint.includes('选民名单已经公布')) fail(`before publication the not-on-roll hint reads: ${hint}`);
      await shot(page, '02b-not-on-roll-before-publication', true);
      await shown(page, '#bind-name input').fill(demo.name);
      await shown(page, '#bind-id-number input').fill(demo.idNumber);
      const wrong = demo.bindingCode === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
      await shown(page, '#bind-code input').fill(wrong);
      await shown(page, '#bind-consent').click();
      await shown(page, '#bind-submit').click();
      const err = shown(page, '[data-testid=bind-error]');
      await err.waitFor();
      const message = (await err.innerText()).trim();
      if (!/[\u4e00-\u9fff]/.test(message)) fail(`error message is not Chinese: "${message}"`);
      if (await page.locator('[data-testid=entry] >> visible=true').count()) fail('an entry is shown after a wrong code');
      console.log(`      server said: ${message}`);
      await shot(page, '03-wrong-code', true);
    },
  },
  {
    name: '填入演示数据 fills the form; binding shows the entry with no ID digit (已核验)',
    async run(c) {
      const { page } = c;
      const persona = villager(c);
      const demo = persona.bindWith!;
      await shown(page, '[data-testid=demo-fill]').click();
      const values = await Promise.all(['#bind-name', '#bind-id-number', '#bind-code'].map((s) => shown(page, `${s} input`).inputValue()));
      if (values.join('|') !== [demo.name, demo.idNumber, demo.bindingCode].join('|')) fail(`demo fill gave ${values.join(' / ')}`);
      if ((await shown(page, '#bind-consent').getAttribute('aria-checked')) !== 'true') await shown(page, '#bind-consent').click();
      await shown(page, '#bind-submit').click();
      // Binding ends on its finish box: what was done, when (in words), what comes next.
      const box = await finishBox(page, 'bind-done');
      if (!box.what.includes(demo.name)) fail(`the bind finish box reads: ${JSON.stringify(box)}`);
      await shot(page, '04a-bind-done', true);
      await shown(page, '#finish-back').click();
      const entry = shown(page, '[data-testid=entry]');
      await entry.waitFor();
      const text = await entry.innerText();
      if (!text.includes(demo.name)) fail('entry does not show the name');
      if (!text.includes('已核验')) fail('entry does not say the ID number was checked (已核验)');
      if (/\d{4}\*|\*{4}\d|\d{6,}/.test(text)) fail(`entry shows ID digits: ${text}`);
      if (text.includes(demo.idNumber)) fail('entry shows the full ID number');
      await shown(page, '[data-testid=todo]').waitFor();
      const fix = (await shown(page, '[data-testid=fix-hint]').innerText()).replace(/\s+/g, ' ');
      if (fix.includes('申诉期限已经过了') || fix.includes('以前（含当天）申诉')) fail(`before publication the fix hint reads: ${fix}`);
      await shot(page, '04-bound-entry', true);
    },
  },
  {
    name: '首页 shows the phase and a live countdown',
    async run(c) {
      const { page } = c;
      await tab(page, '首页');
      const phase = shown(page, '[data-testid=phase]');
      await phase.waitFor();
      const label = (await phase.innerText()).trim();
      if (!label) fail('no phase label');
      const countdown = (await shown(page, '[data-testid=countdown-value]').innerText()).replace(/\s+/g, '');
      if (!/^\d+天\d+小时\d+分$/.test(countdown)) fail(`countdown reads "${countdown}"`);
      await shown(page, '[data-testid=timeline]').waitFor();
      if (await page.locator('#go-bind >> visible=true').count()) fail('still asks to bind after binding');
      console.log(`      phase ${label}, ${countdown}`);
      await shot(page, '05-home-bound', true);
    },
  },
  {
    name: '关怀模式 enlarges everything and is remembered',
    async run(c) {
      const { base, page } = c;
      await tab(page, '我的');
      const title = shown(page, '#care-switch .card-title');
      await title.waitFor();
      const size = () => title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      const before = await size();
      await shown(page, '#care-switch').click();
      await page.waitForTimeout(200);
      const after = await size();
      const ratio = after / before;
      if (ratio < 1.2 || ratio > 1.3) fail(`text grew ${before}px → ${after}px (×${ratio.toFixed(2)}), expected ×1.25`);
      await shot(page, '06-me-care', true);
      await tab(page, '首页');
      await shown(page, '.page.care [data-testid=phase]').waitFor();
      await page.goto(base + '/');
      await shown(page, '.page.care [data-testid=countdown-value]').waitFor();
      const button = await shown(page, '.page.care [data-testid=countdown]').boundingBox();
      if (!button) fail('countdown not on screen after reload');
      await shot(page, '07-home-care-after-reload', true);
    },
  },
];

export const bindFlow: Flow = { name: 'bind', steps };
