// The localised text of an error (what happened and what to do), for every command; kept apart from
// the other renderings (output.ts) so a listing loads nothing else to name the errors it lists.
import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../shared/errors.js';
import { fieldLabelKey } from '../shared/field-label.js';
import { MailError } from '../main/errors/mail-error.js';

/** The localised text of an error (what happened and what to do). */
export function errorMessage(t: TFunction, e: MailError): string {
  const params: Record<string, string | number> = { ...e.params };
  if (e.code === 'profileInvalid' && typeof e.params.fields === 'string') {
    // list each problem in words: "„Server“ muss ausgefüllt sein."
    const lines = e.params.fields.split(',').map((fc) => {
      const [field, code] = fc.split(':') as [string, string];
      return t(`core:problems.${code}`, { field: t(`core:fields.${fieldLabelKey(field)}`) });
    });
    params.detail = lines.join(' ');
  }
  if (params.response === undefined) params.response = e.response ?? '';
  return t(`core:errors.${e.code}`, params);
}

/** The text of an error as recorded (an outbox entry's or a batch line's `error`). */
export function infoMessage(t: TFunction, info: ErrorInfo): string {
  return errorMessage(
    t,
    new MailError(info.code, info.params, info.response ? { response: info.response } : {}),
  );
}

/** The text of recorded errors given as JSON (a listing's rows): each distinct one translated once. */
export function errorTextOfJson(t: TFunction): (json: string) => string {
  const texts = new Map<string, string>();
  return (json) => {
    let text = texts.get(json);
    if (text === undefined) {
      text = infoMessage(t, JSON.parse(json) as ErrorInfo);
      if (texts.size < 1000) texts.set(json, text);
    }
    return text;
  };
}
