import { describe, expect, it } from 'vitest';
import { setup, application, tickAll, underWay } from '../../helpers/decoration';

describe('smoke', () => {
  it('today works with decoration', async () => {
    const { env, site } = await setup();
    const r = await env.call('today.summary', {}, 'clerk');
    if (!r.ok) console.log(env.logs.join('\n'));
    expect(r.ok).toBe(true);
    const d = await env.ok('decoration.create', application(site), 'clerk');
    await tickAll(env, d);
    void underWay;
  });
});
