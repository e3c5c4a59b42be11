import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './lock.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'toemsuk-lock-'));

describe('lockDataDir', () => {
  it('locks, refuses a second lock, and releases', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(true);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(join(dir, 'pglite.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a directory held by another live process, naming its PID', async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir, 'pglite.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by another Toemsuk process \\(PID ${other.pid}\\)`),
      );
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'pglite.lock'), '2147483646');
    const release = lockDataDir(dir);
    release();
  });
});
