// Forwards the core's outbox change notifications (MailService.watchOutbox) to the window as the
// contract's IPC_EVENTS.outboxChanged, so the Postausgang re-queries the page it shows instead of
// polling. Only to our own window, only while it exists.
import type { WebContents } from 'electron';
import { IPC_EVENTS } from '../../shared/ipc/contract.js';
import type { MailService } from '../service/mail-service.js';

/** Starts forwarding; resolves with the function that stops it. */
export function forwardOutboxChanges(
  service: MailService,
  window: () => WebContents | undefined,
): Promise<() => void> {
  return service.watchOutbox((change) => {
    const contents = window();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENTS.outboxChanged, change);
  });
}
