// Fixture pages grown to ~100 KB, the size issue 17's extraction budget (≤ 20 ms median on Node) is
// set for: the bench (tests/tools/bench/bench-web.ts) times them and the extraction tests check every
// path gives the same blocks on them. No Node imports: the workerd tests use it too.

const KB100 = 100 * 1024;

/**
 * An article page grown to ~100 KB (issue 17's budget page). "typical": the way news pages grow — an
 * inline script and style, a mega-menu, a sidebar of links and reader comments around the same
 * article. "long": ~100 KB of article text, the article's paragraphs repeated in its container.
 */
export function growPage(html: string, kind: 'typical' | 'long'): string {
  if (kind === 'long') {
    const paragraphs = html.match(/<p>[^<]{80,}<\/p>/g) ?? [];
    let extra = '';
    while (html.length + extra.length < KB100) extra += `${paragraphs.join('\n')}\n`;
    return html.replace(/(<p>[^<]{80,}<\/p>)/, `$1\n${extra}`);
  }
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, headline: `Story number ${i} of the day`, tags: ['news', 'region'] })) })}</script>`;
  const style = `<style>${'.c{margin:0 auto;padding:4px 8px;color:#222;font:16px/1.5 serif}\n'.repeat(150)}</style>`;
  const menu = `<nav class="mega-menu"><ul>${Array.from({ length: 150 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const sidebar = `<aside class="sidebar">${Array.from({ length: 60 }, (_, i) => `<div class="teaser"><a href="/t/${i}"><img src="/i/${i}.jpg" alt="">Teaser headline number ${i} about something</a></div>`).join('')}</aside>`;
  let comments = '';
  while (html.length + script.length + style.length + menu.length + sidebar.length + comments.length < KB100)
    comments +=
      '<div class="comment"><p class="comment-author">reader</p><p>I have lived here for twenty years, and this is the worst storm I remember, honestly.</p></div>';
  return html
    .replace('</head>', `${script}${style}</head>`)
    .replace('<body', `${menu}<body`)
    .replace('</body>', `${sidebar}<section class="comments">${comments}</section></body>`);
}
