/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';

/** Bundles `.sql` migrations as text, like the esbuild loader does for the Node build. */
export function sqlText(): Plugin {
  return {
    name: 'sql-text',
    transform(code, id) {
      if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
      return null;
    },
  };
}

export default defineConfig({
  plugins: [sqlText()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/services/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/workflows/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
