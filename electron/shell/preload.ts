import { contextBridge, ipcRenderer } from 'electron';

// Exactly one function crosses into the page: invoke a contract channel. No generic send/on.
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !/^[a-z]+\.[A-Za-z]+$/.test(channel)) return Promise.reject(new Error('bad channel'));
    return ipcRenderer.invoke('frontdesk:invoke', channel, input);
  },
});
