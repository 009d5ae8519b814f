import fs from 'node:fs';
import path from 'node:path';

export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

const MAX_BYTES = 5 * 1024 * 1024;
const KEEP = 3;

/** A rotating log file in the data folder (frontdesk.log, .1, .2), so support can read what happened. */
export function fileLogger(dir: string, echo = false): Logger {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'frontdesk.log');
  return (level, message) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}\n`;
    if (echo) process.stderr.write(line);
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) {
        for (let i = KEEP - 1; i >= 1; i--) {
          const from = i === 1 ? file : `${file}.${i - 1}`;
          if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
        }
      }
      fs.appendFileSync(file, line);
    } catch {
      // Logging must never take the app down.
    }
  };
}
