// Many outlets reporting one fact: articles that each open with reporting of their own (so no two are
// wire copies, docs/wire-copies.md) and then state the Ukraine Defense Contact Group's size, some
// agreeing and some not. Enough of them to fill more than one page of a fact and of a story.

const WORDS = (
  'officials spent morning closed talks about ammunition deliveries training pilots according people ' +
  'briefed meeting while protesters gathered outside conference hall reporters waiting ministry told ' +
  'afternoon session would turn air defence systems winter equipment front statement expected before ' +
  'evening opened tributes soldiers east questions funding logistics repair damaged tanks spokesman host ' +
  'government journalists delegates arrived early convoy airport motorway traffic police closed roads ' +
  'hotel lobby interpreters prepared documents translation agenda item budget shortfall procurement ' +
  'factory output shells artillery barrels spare parts maintenance crews drones radar batteries fuel'
).split(' ');

/** A lead of `words` words, the same for the same `seed` and different for others (a small LCG). */
export function lead(seed: number, words = 60): string {
  let x = (seed * 2654435761 + 12345) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return `${out.slice(0, 20).join(' ')}, the paper reported. ${out.slice(20, 40).join(' ')}, a witness said. ${out.slice(40).join(' ')}.`;
}

/** The n-th outlet's report: its own lead, then the contact group's size (three figures in turn). */
export function contactGroupReport(n: number): {
  outlet: string;
  title: string;
  text: string;
  publishedAt: string;
} {
  const size = [50, 57, 90][n % 3];
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    outlet: `Outlet ${n}`,
    title: `Contact group report ${n}`,
    publishedAt: `2024-03-${day}T${String(n % 24).padStart(2, '0')}:00:00Z`,
    text: `${lead(n)}\nDefense Secretary Lloyd Austin III has also continued to rally the Ukraine Defense Contact Group, a global network of some ${size} partners committed to Ukraine's near-term battlefield needs.`,
  };
}
