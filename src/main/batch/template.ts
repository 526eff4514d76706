// `{{Spalte}}` placeholders of manifests: the one implementation lives in src/shared/placeholders.ts
// (shared with mail templates and the dialog's preview).
export { fillTemplate } from '../../shared/placeholders.js';
