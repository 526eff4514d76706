// Which mail program received (or would receive) a message, and how: rows of a report list, shared by
// the connection test and the send result of the hand-off kinds.
import { useTranslation } from 'react-i18next';
import type { HandoffInfo } from '../../shared/mail.js';

export function HandoffRows({ handoff }: { handoff: HandoffInfo }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <dt>{t('core:handoff.program')}</dt>
        <dd data-testid="handoff-program">
          {handoff.program}
          {handoff.programId ? <span className="mono"> ({handoff.programId})</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t('core:handoff.method')}</dt>
        <dd>{t(`core:handoff.methods.${handoff.method}`)}</dd>
      </div>
    </>
  );
}
