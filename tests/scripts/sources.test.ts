import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash, staleReason, writeStamp } from '../../scripts/sources.mjs';

// The one staleness rule of both builds (the commands and the dashboard): a build is redone when the hash of its
// sources changed, not when a file was only touched.
const root = mkdtempSync(join(tmpdir(), 'registry-sources-'));
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project() {
  mkdirSync(join(root, 'src/deep'), { recursive: true });
  writeFileSync(join(root, 'src/a.ts'), 'a');
  writeFileSync(join(root, 'src/deep/b.ts'), 'b');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  return join(root, 'stamp.json');
}

const later = (path: string) => utimesSync(path, new Date(Date.now() + 5000), new Date(Date.now() + 5000));

describe('staleReason', () => {
  it('asks for a first build, then none until a source changes', () => {
    const stamp = project();
    expect(staleReason(root, ['src'], stamp)).toBe('it has not been built');
    writeStamp(stamp, sourceHash(root, ['src']));
    expect(staleReason(root, ['src'], stamp)).toBeNull();
    later(join(root, 'src/deep/b.ts'));
    expect(staleReason(root, ['src'], stamp)).toBeNull();
    writeFileSync(join(root, 'src/deep/b.ts'), 'b changed');
    later(join(root, 'src/deep/b.ts'));
    expect(staleReason(root, ['src'], stamp)).toBe('its sources changed since the last build');
  });

  it('counts the locked package versions and a new file as changes', () => {
    const stamp = project();
    writeStamp(stamp, sourceHash(root, ['src']));
    writeFileSync(join(root, 'src/c.ts'), 'c');
    later(join(root, 'src/c.ts'));
    expect(staleReason(root, ['src'], stamp)).not.toBeNull();
    writeStamp(stamp, sourceHash(root, ['src']));
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    later(join(root, 'package-lock.json'));
    expect(staleReason(root, ['src'], stamp)).not.toBeNull();
  });
});
