import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteJournal } from './sqlite-journal.js';

describe('SqliteJournal', () => {
  it('persists runs and entries across reopen, in order', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.db');
    const a = new SqliteJournal(file);
    a.createRun({
      id: 'run_1',
      kind: 'campaign-launch',
      title: 'sell plates',
      at: '2026-11-29T00:00:00.000Z',
    });
    a.append('run_1', 'run.started', { goal: 'sell plates' }, '2026-11-29T00:00:00.000Z');
    a.append(
      'run_1',
      'step.completed',
      { step: 'brief-parser', output: { x: 1 } },
      '2026-11-29T00:00:01.000Z',
    );
    a.setStatus('run_1', 'planned', '2026-11-29T00:00:02.000Z');
    a.close();

    const b = new SqliteJournal(file);
    expect(b.getRun('run_1')).toMatchObject({ status: 'planned', title: 'sell plates' });
    expect(b.entries('run_1').map((e) => [e.seq, e.type])).toEqual([
      [1, 'run.started'],
      [2, 'step.completed'],
    ]);
    expect(b.entries('run_1')[1]!.data).toEqual({ step: 'brief-parser', output: { x: 1 } });
    expect(b.listRuns().map((r) => r.id)).toEqual(['run_1']);
    b.close();
  });

  it('is append-only: entries cannot be updated or deleted', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.db');
    const j = new SqliteJournal(file);
    j.createRun({ id: 'r', kind: 'k', title: 't', at: 'a' });
    j.append('r', 'x', {}, 'a');
    j.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE entries SET type = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM entries').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuses entries for an unknown run, naming it', () => {
    const j = new SqliteJournal(':memory:');
    expect(() => j.append('nope', 'x', {}, 'a')).toThrow(/No run named "nope"/);
  });
});
