// The Mahnlauf's state at app level: the chosen manifest, its pre-check, the options, and a running
// run with its outcomes. It outlives the Mahnlauf view (leaving the tab keeps the run, its progress and
// its Abbrechen), keeps polling while another tab is shown (the tab bar shows the run), and on start
// reconnects to a run the main process still has (after a reload of the window).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchLine } from '../shared/batch.js';
import type { ErrorInfo } from '../shared/errors.js';
import type { BatchCheckView, BatchRunView, ManifestHandle, OposMailApi } from '../shared/ipc/contract.js';
import { errorInfoOf, unwrap } from './api.js';

/** How often a running batch is asked for its progress. */
const POLL_MS = 400;

export interface BatchSession {
  manifest: ManifestHandle | null;
  profileName: string | null;
  dryRun: boolean;
  redirectTo: string;
  check: BatchCheckView | null;
  checking: boolean;
  run: BatchRunView | null;
  lines: BatchLine[];
  error: ErrorInfo | null;
  running: boolean;
  setProfileName: (name: string) => void;
  setDryRun: (v: boolean) => void;
  setRedirectTo: (v: string) => void;
  /** The open dialog, then the pre-check with `profile`. */
  choose: (profile: string | undefined) => Promise<void>;
  runCheck: (manifest: ManifestHandle | null, profile: string | undefined) => Promise<void>;
  start: (profile: string) => Promise<void>;
  cancel: () => void;
}

export function useBatchSession(api: OposMailApi | undefined): BatchSession {
  const [manifest, setManifest] = useState<ManifestHandle | null>(null);
  const [profileName, setProfileName] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [redirectTo, setRedirectTo] = useState('');
  const [check, setCheck] = useState<BatchCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const [run, setRun] = useState<BatchRunView | null>(null);
  const [lines, setLines] = useState<BatchLine[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const linesSeen = useRef(0);

  // reconnect: a run the main process has (started before this window was loaded)
  useEffect(() => {
    if (!api) return;
    void unwrap(api.batchCurrent({})).then(
      (current) => {
        if (!current) return;
        linesSeen.current = current.lineCount;
        setLines(current.lines);
        setRun(current);
      },
      () => undefined, // nothing to reconnect to
    );
  }, [api]);

  const runCheck = useCallback(
    async (m: ManifestHandle | null, p: string | undefined) => {
      if (!api || !m || !p) return;
      setChecking(true);
      setCheck(null);
      setError(null);
      try {
        setCheck(await unwrap(api.batchCheck({ manifest: m.token, profile: p })));
      } catch (e) {
        setError(errorInfoOf(e));
      } finally {
        setChecking(false);
      }
    },
    [api],
  );

  const choose = useCallback(
    async (profile: string | undefined) => {
      if (!api) return;
      setError(null);
      try {
        const chosen = await unwrap(api.chooseManifest({}));
        if (!chosen) return;
        setManifest(chosen);
        setRun(null);
        setLines([]);
        await runCheck(chosen, profile);
      } catch (e) {
        setError(errorInfoOf(e));
      }
    },
    [api, runCheck],
  );

  const start = useCallback(
    async (profile: string) => {
      if (!api || !manifest) return;
      setError(null);
      setLines([]);
      linesSeen.current = 0;
      try {
        const { runId } = await unwrap(
          api.batchStart({
            manifest: manifest.token,
            profile,
            ...(dryRun ? { dryRun } : {}),
            ...(redirectTo.trim() ? { redirectTo: redirectTo.trim() } : {}),
          }),
        );
        // a run can be over before the first poll (a resume that only skips): take its lines now
        const first = await unwrap(api.batchStatus({ runId }));
        linesSeen.current = first.lineCount;
        setLines(first.lines);
        setRun(first);
      } catch (e) {
        setError(errorInfoOf(e));
      }
    },
    [api, manifest, dryRun, redirectTo],
  );

  const cancel = useCallback(() => {
    if (!api || !run) return;
    setRun({ ...run, cancelling: true });
    void unwrap(api.batchCancel({ runId: run.runId })).catch((e) => setError(errorInfoOf(e)));
  }, [api, run]);

  // while the run goes on, ask for its progress (the contract has no push channel)
  const runId = run?.runId;
  const runState = run?.state;
  useEffect(() => {
    if (!api || !runId || runState !== 'running') return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await unwrap(api.batchStatus({ runId, after: linesSeen.current }));
        if (stop) return;
        linesSeen.current = s.lineCount;
        if (s.lines.length) setLines((l) => [...l, ...s.lines]);
        setRun(s);
        if (s.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (!stop) setError(errorInfoOf(e));
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, runId, runState]);

  return {
    manifest,
    profileName,
    dryRun,
    redirectTo,
    check,
    checking,
    run,
    lines,
    error,
    running: run?.state === 'running',
    setProfileName,
    setDryRun,
    setRedirectTo,
    choose,
    runCheck,
    start,
    cancel,
  };
}

/** Messages with an outcome so far (sent, handed off, partly delivered, failed, unknown, skipped). */
export function doneCount(run: BatchRunView): number {
  const s = run.summary;
  return s.sent + s.handedOff + s.partial + s.failed + s.unknown + s.skipped;
}
