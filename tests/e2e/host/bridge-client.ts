// Runs in the page (page.addInitScript): the browser stand-in for the preload. It offers the same
// `window.oposMail` methods as src/preload/index.ts, each sent to the test host over a WebSocket on
// the page's own origin (127.0.0.1), and the preload's event subscriptions (onOutboxChanged) fed by the
// host's pushed events. Test infrastructure only; never part of the app.
export function installBridge(methods: string[]): void {
  let socket: Promise<WebSocket> | undefined;
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  const outboxListeners = new Set<(change: unknown) => void>();
  const connect = (): Promise<WebSocket> =>
    (socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${location.host}/bridge`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('test host bridge unreachable'));
      ws.onmessage = (ev: MessageEvent<string>) => {
        const msg = JSON.parse(ev.data) as { id: number; result: unknown; event?: string; payload?: unknown };
        if (msg.event === 'outboxChanged') for (const l of outboxListeners) l(msg.payload);
        waiting.get(msg.id)?.(msg.result);
        waiting.delete(msg.id);
      };
    }));
  const call = async (method: string, payload: unknown): Promise<unknown> => {
    const ws = await connect();
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, payload }));
    });
  };
  const api: Record<string, unknown> = {};
  for (const m of methods) api[m] = (payload: unknown) => call(m, payload);
  // Stand-in for the preload's webUtils.getPathForFile: the file's bytes go to the host, which puts
  // them on disk (as the user's file would be) and then runs the real addDroppedPaths handler.
  api.addDroppedFiles = async (files: File[]) => {
    const encoded = await Promise.all(
      files.map(async (f) => {
        const bytes = new Uint8Array(await f.arrayBuffer());
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { name: f.name, data: btoa(bin) };
      }),
    );
    return call('droppedFiles', { files: encoded });
  };
  // the preload's ipcRenderer.on(IPC_EVENTS.outboxChanged): the host starts pushing on first use
  api.onOutboxChanged = (listener: (change: unknown) => void) => {
    outboxListeners.add(listener);
    void call('watchOutbox', {});
    return () => void outboxListeners.delete(listener);
  };
  Object.defineProperty(window, 'oposMail', { value: Object.freeze(api), writable: false });
}
