// One labelled row of the form. A field that does not apply stays visible but is marked
// aria-disabled (and read-only), so it can still take focus and show why on hover or focus.
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
  'aria-disabled'?: boolean;
  readOnly?: boolean;
}

interface FieldProps {
  id: string;
  label: string;
  /** Why the field does not apply; null when it does. */
  disabledReason?: string | null;
  error?: string | null;
  help?: ReactNode;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ id, label, disabledReason, error, help, required, children }: FieldProps) {
  const describedBy = [
    disabledReason ? `${id}-reason` : null,
    error ? `${id}-error` : null,
    help ? `${id}-help` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true } : {}),
    ...(required && !disabledReason ? { 'aria-required': true } : {}),
    ...(disabledReason ? { 'aria-disabled': true, readOnly: true } : {}),
  };
  return (
    <div className={`field${disabledReason ? ' is-disabled' : ''}${error ? ' has-error' : ''}`}>
      <div className="label-cell">
        <label htmlFor={id}>{label}</label>
        {required && !disabledReason ? (
          <span className="required-mark" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </div>
      <div className="control">
        {children(control)}
        {disabledReason ? (
          <span role="tooltip" id={`${id}-reason`} className="reason">
            {disabledReason}
          </span>
        ) : null}
        {error ? (
          <div id={`${id}-error`} className="field-error">
            {error}
          </div>
        ) : null}
        {help ? (
          <div id={`${id}-help`} className="help">
            {help}
          </div>
        ) : null}
      </div>
    </div>
  );
}
