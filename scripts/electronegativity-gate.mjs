// Reads electronegativity's CSV report, prints the findings and fails (exit 1) on any HIGH one.
// electronegativity itself exits 0 whatever it finds, so this is the gate.
// Usage: node scripts/electronegativity-gate.mjs REPORT.csv
import { readFileSync } from 'node:fs';

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') ((quoted = true), (field = ''));
    else if (c === ',') (row.push(field.trim()), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: electronegativity-gate.mjs REPORT.csv');
  process.exit(2);
}
const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
const col = (name) => header.findIndex((h) => h.toLowerCase() === name);
const [issue, severity, confidence, filename, location] = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
].map(col);
if (issue < 0 || severity < 0) {
  console.error(`electronegativity: unexpected report format in ${file}`);
  process.exit(2);
}
const findings = rows.map((r) => ({
  issue: r[issue],
  severity: r[severity].toUpperCase(),
  confidence: r[confidence],
  where: `${r[filename]}:${r[location]}`,
}));
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.issue} (${f.confidence}) ${f.where}`);
const high = findings.filter((f) => f.severity === 'HIGH');
console.log(`electronegativity: ${findings.length} finding(s), ${high.length} HIGH`);
process.exit(high.length ? 1 : 0);
