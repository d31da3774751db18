// A commit's files unpacked under .scratch/ (git-ignored) for the A/B tools (measure:ab, measure:workerd).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `rev`'s `paths` in `<root>/.scratch/<prefix>-<sha>`, cached: a commit never changes, so a folder
 * holding `marker` is taken as it is. `prepare` runs once, on a fresh unpack.
 */
export function unpackRevision(
  root: string,
  rev: string,
  opts: { prefix: string; paths: string[]; marker: string; prepare?: (dir: string) => void },
): { dir: string; sha: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: root })
    .toString()
    .trim();
  const dir = join(root, '.scratch', `${opts.prefix}-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, opts.marker))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', sha, ...opts.paths], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    opts.prepare?.(dir);
  }
  return { dir, sha };
}
