import { readdirSync } from 'node:fs';
import { lintFile } from './src/authoring/lint.ts';
console.log(JSON.stringify(lintFile('tests/fixtures/scenarios/valid/minimal.mdx').problems));
for (const f of readdirSync('tests/fixtures/scenarios/rules').sort()) {
  const code = f.replace('.mdx','');
  const r = lintFile('tests/fixtures/scenarios/rules/' + f);
  const hit = r.problems.filter(p => p.code === code);
  console.log(code.padEnd(26), hit.length ? hit.map(p => `${p.line}: ${p.message}`).join(' | ') : 'MISSING ' + r.problems.map(p=>p.code).join(','));
}
