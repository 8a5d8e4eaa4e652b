import { describe, expect, it } from 'vitest';
import { ownMemory } from '../../server/threads.js';

describe('ownMemory', () => {
  it('hands over the memory of a large upload, read into a buffer of its own', () => {
    const upload = Buffer.concat([Buffer.alloc(64 * 1024, 1), Buffer.alloc(64 * 1024, 2)]);
    expect(ownMemory(upload)).toEqual([upload.buffer]);
  });

  it('never hands over memory the buffer shares with others (a small buffer from the pool, a slice)', () => {
    const small = Buffer.from('tsh_area,name\n');
    expect(small.byteLength).toBeLessThan(small.buffer.byteLength);
    expect(ownMemory(small)).toEqual([]);
    expect(ownMemory(new Uint8Array(new ArrayBuffer(16), 4))).toEqual([]);
  });
});
