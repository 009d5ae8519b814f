import { it } from 'vitest';
import { testEnv } from '../helpers/host';
import { createSite } from '../helpers/fixtures';
it('scratch', async () => {
  const env = testEnv();
  await env.init();
  await createSite(env);
  for (const input of [{}, { q: '1-' }, { state: 'vacant' }, { use: 'shop' }]) {
    console.log(JSON.stringify(input), JSON.stringify(await env.call('units.list', input)).slice(0, 300));
  }
  console.log(env.logs.filter(l => l.startsWith('error')).map(l => l.slice(0, 400)));
});
