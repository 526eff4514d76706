// Step 2 of the assistant "Neues Profil aus E-Mail-Adresse": the proposed settings, each with where it
// came from, the warnings, the other options (only trustworthy ones can be chosen; the others are shown
// with their warning) and what every step of the lookup saw.
import { useTranslation } from 'react-i18next';
import {
  PROPOSED_FIELD_LABEL_KEYS,
  proposedValue,
  type LookupResult,
  type Proposal,
  type ProposedField,
} from '../../../shared/autoconfig.js';

/** The winner first, then the alternatives: the order the radio buttons use. */
export function optionsOf(result: LookupResult): Proposal[] {
  return result.proposal ? [result.proposal, ...result.alternatives] : result.alternatives;
}

interface Props {
  result: LookupResult;
  chosen: number;
  onChoose: (index: number) => void;
}

export function SetupProposal({ result, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const options = optionsOf(result);
  const p = options[chosen];
  const value = (field: ProposedField) => {
    if (!p) return '';
    if (field !== 'auth') return proposedValue(p, field);
    if (p.profile.auth === 'oauth') return 'OAuth 2.0';
    return p.profile.auth === 'password' ? t('core:fields.password') : t('cli:no');
  };
  return (
    <div className="setup-proposal">
      {p ? (
        <>
          <h3>{t('setup:assistant.proposalHeading')}</h3>
          {p.provider ? <p>{t('setup:provider', { provider: p.provider })}</p> : null}
          <table className="setup-sources" data-testid="setup-sources">
            <thead>
              <tr>
                <th scope="col">{t('setup:assistant.setting')}</th>
                <th scope="col">{t('setup:assistant.value')}</th>
                <th scope="col">{t('setup:assistant.source')}</th>
              </tr>
            </thead>
            <tbody>
              {(Object.entries(p.sources) as Array<[ProposedField, string]>).map(([field, source]) => (
                <tr key={field} data-field={field}>
                  <th scope="row">{t(PROPOSED_FIELD_LABEL_KEYS[field])}</th>
                  <td className="mono">{value(field)}</td>
                  <td>{t(`setup:sources.${source}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.warnings.map((w) => (
            <p key={w} className="notice notice-warning" role="note">
              {t(`setup:warnings.${w}`)}
            </p>
          ))}
        </>
      ) : null}
      {options.length > 1 || !result.proposal ? (
        <fieldset className="setup-options">
          <legend>{t('setup:assistant.choose')}</legend>
          {options.map((o, i) => (
            <label key={`${o.step}-${o.label}-${i}`} className={o.trustworthy ? undefined : 'untrusted'}>
              <input
                type="radio"
                name="setup-option"
                checked={i === chosen}
                disabled={!o.trustworthy}
                onChange={() => onChoose(i)}
              />
              <span>
                {o.label} ({t(`setup:sources.${o.source}`)})
                {o.warnings.map((w) => (
                  <em key={w}> {t(`setup:warnings.${w}`)}</em>
                ))}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <details className="setup-steps">
        <summary>{t('setup:assistant.stepsHeading')}</summary>
        <ul>
          {result.steps.map((s) => (
            <li key={s.step} data-step={s.step} data-status={s.status}>
              {t(`setup:steps.${s.step}`)}: {t(`setup:status.${s.status}`)}
              {s.reason ? ` – ${t(`setup:reasons.${s.reason}`)}` : ''}
              {s.detail ? <span className="mono"> [{s.detail}]</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
