// `npm run fingerprint`: the detection fingerprint per dataset, beside the expected hashes.
//   --write   store the hashes as the expected ones (only for a deliberate change of behaviour, said in
//             the commit message with its eval delta)
import { writeFileSync } from 'node:fs';
import {
  type DatasetPrint,
  EXPECTED_FILE,
  evalDir,
  evalPrints,
  readExpected,
  seedsPrint,
} from './fingerprint-corpus';

const started = performance.now();
const prints: Record<string, DatasetPrint> = { seeds: seedsPrint() };
const dir = evalDir();
if (dir) Object.assign(prints, evalPrints(dir));
else console.log('../shared/eval not found (set CROSSCHECK_EVAL): the eval datasets are left out.');
const expected = readExpected();
let same = true;
for (const [name, p] of Object.entries(prints)) {
  const ok = expected[name] === p.hash;
  same &&= ok;
  console.log(
    `${name.padEnd(15)} ${p.hash}  ${ok ? 'same' : `DIFFERS (expected ${expected[name] ?? 'nothing'})`}  ${p.documents} documents, ${p.claims} claims, ${p.links} links`,
  );
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
if (process.argv.includes('--write')) {
  writeFileSync(
    EXPECTED_FILE,
    `${JSON.stringify(Object.fromEntries(Object.entries(prints).map(([k, p]) => [k, p.hash])), null, 2)}\n`,
  );
  console.log(`wrote ${EXPECTED_FILE}`);
} else if (!same) process.exitCode = 1;
