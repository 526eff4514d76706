// `opos-mail template list|show|export|import`: the e-mail templates (Vorlagen) of the data folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LANGUAGES, type Language } from '../../shared/i18n/types.js';
import type { MailTemplate } from '../../shared/mail-templates.js';
import { MailError } from '../../main/errors/mail-error.js';
import type { CliContext } from '../context.js';
import { oneOf } from '../profile-flags.js';

function languagesOf(t: MailTemplate): Language[] {
  return LANGUAGES.filter((l) => t.texts[l]);
}

function summary(t: MailTemplate) {
  return { name: t.name, kind: t.kind, level: t.level ?? null, languages: languagesOf(t) };
}

function describe(ctx: CliContext, t: MailTemplate, only?: Language): string[] {
  const tr = ctx.t;
  const lines = [t.name, `  ${tr(`templates:kind.${t.kind}`)}`];
  if (t.level) lines.push(`  ${tr('templates:level')}: ${tr(`templates:levels.${t.level}`)}`);
  for (const l of only ? [only] : languagesOf(t)) {
    const texts = t.texts[l];
    lines.push('', `[${l}]`);
    if (!texts) {
      lines.push(tr('templates:noTexts'));
      continue;
    }
    lines.push(`${tr('templates:subject')}: ${texts.subject}`);
    if (texts.attachmentName) lines.push(`${tr('templates:attachmentName')}: ${texts.attachmentName}`);
    lines.push(`${tr('templates:text')}:`, ...texts.text.split(/\r?\n/).map((s) => `  ${s}`));
  }
  return lines;
}

export function registerTemplateCommands(program: Command, ctx: CliContext): void {
  const template = program
    .command('template')
    .description('e-mail templates (Vorlagen) per kind, Mahnstufe and language');

  template
    .command('list')
    .description('list the templates')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await ctx.service().templates.list();
      if (opts.json) return ctx.json({ templates: list.map(summary) });
      for (const t of list) {
        const level = t.level ? `, ${ctx.t('templates:level')} ${ctx.t(`templates:levels.${t.level}`)}` : '';
        ctx.out(`${t.name}  [${ctx.t(`templates:kind.${t.kind}`)}${level}; ${languagesOf(t).join(', ')}]`);
      }
    });

  template
    .command('show')
    .argument('<name>', 'template name')
    .description('show a template: subject, attachment name and text per language')
    .option('--language <lang>', 'only this language: de | en | nl')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean; language?: string }) => {
      const t = await ctx.service().templates.get(name);
      const only = opts.language !== undefined ? oneOf('--language', LANGUAGES, opts.language) : undefined;
      if (opts.json) return ctx.json(t);
      for (const line of describe(ctx, t, only)) ctx.out(line);
    });

  template
    .command('export')
    .argument('[file]', 'the JSON file to write (standard output when left out)')
    .description('write every template into one JSON file (to import elsewhere)')
    .option('--json', 'print JSON (with a file: where and how many)')
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      const service = ctx.service();
      const text = await service.templates.exportText();
      if (file === undefined) return void ctx.io.stdout.write(text);
      const abs = path.resolve(file);
      try {
        await fs.writeFile(abs, text, { mode: 0o644 });
      } catch (e) {
        throw new MailError('invalidOption', {
          detail: `${abs}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
        });
      }
      const count = (await service.templates.list()).length;
      if (opts.json) return ctx.json({ file: abs, count });
      ctx.out(ctx.t('templates:exported', { count, file: abs }));
    });

  template
    .command('import')
    .argument('<file>', 'a JSON file written by "template export"')
    .description('import templates: same names are replaced, new ones added; a damaged file changes nothing')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = await ctx.service().templates.importFile(file);
      if (opts.json) return ctx.json(result);
      ctx.out(ctx.t('templates:imported', { added: result.added.length, replaced: result.replaced.length }));
      for (const state of ['added', 'replaced'] as const)
        if (result[state].length)
          ctx.out(
            ctx.t('templates:importedNames', {
              state: ctx.t(`templates:${state}`),
              names: result[state].join(', '),
            }),
          );
    });
}
