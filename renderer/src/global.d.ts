import type { Result } from '../../shared/kernel/errors';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser shell. */
    api?: {
      invoke(channel: string, input: unknown): Promise<Result<unknown>>;
    };
  }
}

export {};
