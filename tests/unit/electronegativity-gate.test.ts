// The gate over electronegativity's CSV (the scanner itself exits 0 whatever it finds): any HIGH
// finding fails the suite, lower ones are listed, an unreadable report is an error.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('opos-en-');
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';

function gate(csv: string) {
  const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, csv);
  return spawnSync(process.execPath, ['scripts/electronegativity-gate.mjs', file], { encoding: 'utf8' });
}

describe('electronegativity gate', () => {
  it('fails on a HIGH finding, even after a sample with commas, quotes and line breaks', () => {
    const r = gate(
      HEADER +
        'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/w.ts","1:1","preload: a, b ""x""\nnext line","Review",https://x\n' +
        'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/w.ts","9:2","nodeIntegration: true","Disable",https://y\n',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2 finding(s), 1 HIGH');
    expect(r.stdout).toContain('NODE_INTEGRATION_JS_CHECK');
  });

  it('passes with only lower findings, or none', () => {
    const r = gate(HEADER + 'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0",x,"d",u\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 finding(s), 0 HIGH');
    expect(gate(HEADER).status).toBe(0);
  });

  it('an unexpected report is an error, not a pass', () => {
    expect(gate('something else entirely\n').status).toBe(2);
  });
});
