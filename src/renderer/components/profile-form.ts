// What the profile form's fieldsets share: the values being edited, setters that mark a field as
// touched, the registry's reason why a field does not apply, and the field's problem once shown.
import type { Dispatch, SetStateAction } from 'react';
import { fieldLabelKey } from '../../shared/profile-problems.js';
import type { ProfileField } from '../../shared/profile.js';
import type { EditableProfile } from '../templates.js';

export interface ProfileForm {
  values: EditableProfile;
  setValues: Dispatch<SetStateAction<EditableProfile>>;
  set: <K extends keyof EditableProfile>(field: K, value: EditableProfile[K]) => void;
  setOAuth: <K extends keyof EditableProfile['oauth']>(field: K, value: EditableProfile['oauth'][K]) => void;
  /** Marks a field as touched (its problem is shown from now on). */
  touch: (field: string) => void;
  /** Why a field does not apply to the chosen kind and authentication (the registry's reason). */
  reason: (field: ProfileField) => string | null;
  /** The field's problem, once it was touched or the form submitted. */
  problemFor: (field: string) => string | null;
  /** Refused texts of number fields, by field (see NumberField); the form is not saved while one is. */
  raw: Readonly<Record<string, string>>;
  setRaw: (field: string, text: string | undefined) => void;
}

/** The catalogue key of a profile field's label. */
export const fieldKey = (field: string) => `core:fields.${fieldLabelKey(field)}`;
