// The e-mail templates (Vorlagen) of a data folder, shared by the desktop app and the CLI: versioned
// JSON (`templates.json`), every change a locked read-modify-write with an atomic replace. Without the
// file the shipped defaults apply. A damaged file, or one from a newer version, is reported and never
// overwritten; an import is checked completely before anything is written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  TEMPLATES_FILE_VERSION,
  mailTemplateSchema,
  sameTemplateName,
  templatesFileSchema,
  type MailTemplate,
  type TemplatesFile,
} from '../../shared/mail-templates.js';
import { MailError } from '../errors/mail-error.js';
import { JsonSettingsFile } from '../platform/json-settings-file.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

export const TEMPLATES_FILE = 'templates.json';

type FileError = 'templatesCorrupt' | 'templateImportInvalid';

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
    .join('; ');
}

/** Parses a templates file (the store's own or one to import); throws the given code when damaged. */
export function parseTemplatesFile(text: string, file: string, code: FileError): TemplatesFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MailError(code, { file, detail: (e as Error).message });
  }
  const version = z.object({ version: z.number() }).safeParse(json);
  if (version.success && version.data.version > TEMPLATES_FILE_VERSION)
    throw new MailError('templatesNewer', { file, version: version.data.version });
  const parsed = templatesFileSchema.safeParse(json);
  if (!parsed.success) throw new MailError(code, { file, detail: issuesOf(parsed.error) });
  return parsed.data;
}

/** Checks one template (from the dialog or the CLI); problems come back as one templateInvalid. */
export function parseTemplate(raw: unknown): MailTemplate {
  const parsed = mailTemplateSchema.safeParse(raw);
  if (!parsed.success) throw new MailError('templateInvalid', { detail: issuesOf(parsed.error) });
  return parsed.data;
}

function findTemplate(templates: readonly MailTemplate[], name: string): MailTemplate {
  const found = templates.find((t) => sameTemplateName(t.name, name));
  if (!found) throw new MailError('templateUnknown', { name });
  return found;
}

export interface ImportResult {
  added: string[];
  replaced: string[];
}

export class TemplateStore {
  readonly file: string;
  private readonly settings: JsonSettingsFile<TemplatesFile>;

  constructor(readonly dataFolder: string) {
    this.file = path.join(dataFolder, TEMPLATES_FILE);
    this.settings = new JsonSettingsFile(
      this.file,
      (text) => parseTemplatesFile(text, this.file, 'templatesCorrupt'),
      freshFile,
    );
  }

  /** Every template in the list's order (the shipped defaults while there is no file). */
  async list(): Promise<MailTemplate[]> {
    return ((await this.readExisting()) ?? freshFile()).templates;
  }

  async get(name: string): Promise<MailTemplate> {
    return findTemplate(await this.list(), name);
  }

  /**
   * Adds or replaces a template. `previousName` renames: the template keeps its place in the list.
   * A new name that another template has is refused.
   */
  async save(raw: unknown, previousName?: string): Promise<MailTemplate> {
    const template = parseTemplate(raw);
    await this.mutate((f) => {
      const at = previousName ? f.templates.findIndex((t) => sameTemplateName(t.name, previousName)) : -1;
      if (previousName && at < 0) throw new MailError('templateUnknown', { name: previousName });
      const clash = f.templates.findIndex((t) => sameTemplateName(t.name, template.name));
      if (clash >= 0 && clash !== at && previousName !== undefined)
        throw new MailError('templateExists', { name: template.name });
      if (at >= 0) f.templates[at] = template;
      else if (clash >= 0) f.templates[clash] = template;
      else f.templates.push(template);
    });
    return template;
  }

  async remove(name: string): Promise<MailTemplate> {
    let removed!: MailTemplate;
    await this.mutate((f) => {
      removed = findTemplate(f.templates, name);
      f.templates = f.templates.filter((t) => t !== removed);
    });
    return removed;
  }

  /** The export: every template, in the format `importFile` reads. */
  async exportText(): Promise<string> {
    const f: TemplatesFile = { version: TEMPLATES_FILE_VERSION, templates: await this.list() };
    return JSON.stringify(f, null, 2) + '\n';
  }

  /**
   * Imports a file written by `exportText` (another installation's): templates of the same name are
   * replaced, new ones added, others kept. A damaged file is refused before anything is written.
   */
  async importFile(file: string): Promise<ImportResult> {
    const abs = path.resolve(file);
    let text: string;
    try {
      text = await fs.readFile(abs, 'utf8');
    } catch (e) {
      throw new MailError('templateImportInvalid', {
        file: abs,
        detail: (e as NodeJS.ErrnoException).code ?? 'error',
      });
    }
    const incoming = parseTemplatesFile(text, abs, 'templateImportInvalid');
    const result: ImportResult = { added: [], replaced: [] };
    await this.mutate((f) => {
      for (const t of incoming.templates) {
        const at = f.templates.findIndex((x) => sameTemplateName(x.name, t.name));
        if (at >= 0) {
          f.templates[at] = t;
          result.replaced.push(t.name);
        } else {
          f.templates.push(t);
          result.added.push(t.name);
        }
      }
    });
    return result;
  }

  private readExisting(): Promise<TemplatesFile | null> {
    return this.settings.read();
  }

  private async mutate(change: (f: TemplatesFile) => void): Promise<void> {
    await this.settings.mutate(change);
  }
}

function freshFile(): TemplatesFile {
  return { version: TEMPLATES_FILE_VERSION, templates: structuredClone([...DEFAULT_TEMPLATES]) };
}
