import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const html = readFileSync('tests/fixtures/web/harbour-jsonld.html', 'utf8');
const big = html.replace('</body>', '<section class="comments">' + '<div class="comment"><p class="comment-author">reader</p><p>I have lived here for twenty years, and this is the worst storm I remember, honestly.</p></div>'.repeat(500) + '</section></body>');
console.log(big.length);
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const { document } = parseHTML(big);
  const t1 = performance.now() - t;
  t = performance.now();
  new Readability(document as any).parse();
  console.log('parse', t1.toFixed(1), 'readability', (performance.now() - t).toFixed(1));
}
