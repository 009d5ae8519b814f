import { invoke } from '../api';

export const MIME_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Base64 (as the host sends files) → a Blob of that type. */
export function base64Blob(base64: string, type: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Starts the browser's download of a blob: URL under a file name (the browser shell has no save dialog). */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** What became of a file handed to `saveFile`. */
export type SaveResult = { via: 'dialog'; saved: boolean; path: string | null } | { via: 'download' };

/**
 * Saves a file the host made: through the native save dialog where the shell has one (Electron,
 * `capabilities.nativeDialogs`), else as a browser download. `url`: an object URL of the same file
 * already made by the caller (reused, and left to the caller to revoke).
 */
export async function saveFile(file: { fileName: string; base64: string; type: string; url?: string }, native: boolean): Promise<SaveResult> {
  if (native) {
    const r = await invoke('file.save', { fileName: file.fileName, base64: file.base64 });
    return { via: 'dialog', saved: r.saved, path: r.path };
  }
  if (file.url) {
    downloadUrl(file.url, file.fileName);
    return { via: 'download' };
  }
  const url = URL.createObjectURL(base64Blob(file.base64, file.type));
  downloadUrl(url, file.fileName);
  // The download has taken its copy once the click is handled; a minute is ample on a slow disk.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { via: 'download' };
}
