/**
 * Zod messages cross the boundary as i18n keys: `v.<name>` optionally followed by `|` and JSON params,
 * e.g. `v.tooLong|{"max":100}`. `decodeMessage` splits them again for translation.
 */
export function encodeMessage(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function decodeMessage(message: string): { key: string; params?: Record<string, string | number> } {
  const bar = message.indexOf('|');
  if (bar < 0) return { key: message };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, bar) };
  }
}
