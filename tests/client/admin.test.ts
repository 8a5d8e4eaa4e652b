// @vitest-environment jsdom
// What the Admin view tells the admin for each refusal of an upload, and that a report's values stay text.
import { describe, expect, it } from 'vitest';
import { UploadError, type UploadAnswer } from '../../client/src/api.js';
import { refusalMessage, reportNode } from '../../client/src/views/admin.js';

describe('refusalMessage', () => {
  it.each([
    [401, 'this route needs an Authorization: Bearer <token> header', /needs the admin token/],
    [403, 'writes are turned off on this server (ADMIN_TOKEN is not set)', /Uploads are turned off/],
    [403, 'the token given is not the admin token', /The token is not the admin token/],
    [409, 'another import is running', /Another import is running.*another import is running/],
    [
      413,
      'the upload is larger than the limit of 10 bytes (UPLOAD_LIMIT_MB)',
      /larger than .*limit of 10 bytes/,
    ],
    [
      422,
      'teaching-schools x.csv: rejected, 2 errors in 3 rows',
      /rejected and nothing was written: .*2 errors/,
    ],
    [429, 'too many requests', /Too many uploads/],
    [500, 'internal error', /The upload failed: internal error/],
  ])('%i: %s', (status, message, expected) => {
    expect(refusalMessage(new UploadError(message, status))).toMatch(expected);
  });
});

describe('reportNode', () => {
  it('shows every error as text, never as HTML', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const answer: UploadAnswer = {
      id: 7,
      report: {
        status: 'rejected',
        kind: 'teaching-schools',
        network: 'teaching-schools',
        file_name: evil,
        sha256: 'ab',
        bytes: 10,
        as_at: '2018-04-01',
        format: null,
        encoding: null,
        warnings: [`1 line held C1 control characters: line 2 ${evil}`],
        delimiter: null,
        ignored_columns: [],
        rows_read: 2,
        rows_valid: 0,
        rows_written: 0,
        error_count: 2,
        errors: [
          { row: 2, column: 'urn', value: evil, message: `urn: ${evil} is not a URN` },
          { row: 3, column: 'la_code', value: '999', message: 'no council area 999' },
        ],
        import_id: null,
        superseded_import_ids: [],
        changes: { compared_with: null, joined: [evil], left: [], weak_matches: [] },
        confirmations: [],
        preview: null,
        message: evil,
      },
    };
    const { node } = reportNode(answer, true);
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelectorAll('[data-testid=admin-errors] tbody tr')).toHaveLength(2);
    expect(node.querySelector('[data-testid=admin-errors]')!.textContent).toContain(evil);
    expect(node.querySelector('[data-testid=admin-errors] caption')!.textContent).toBe('Every error (2)');
    // A report keeps its first 1,000 errors and counts the rest: the caption says which it shows.
    const many = reportNode({ ...answer, report: { ...answer.report, error_count: 37_500_000 } }, true);
    expect(many.node.querySelector('[data-testid=admin-errors] caption')!.textContent).toBe(
      'The first 2 of 37,500,000 errors',
    );
    // What reading changed is shown with the facts, as text.
    expect(node.textContent).toContain('Read with changes');
    expect(node.textContent).toContain('1 line held C1 control characters: line 2');
  });

  it('shows the preview: the counts in words, the areas, joiners, leavers and moves, as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const member = (key: string, name: string) => ({
      member_key: key,
      name,
      la_code: '921',
      la_name: 'Isle of Wight',
      serves: ['Isle of Wight'],
      group_name: evil,
    });
    const answer: UploadAnswer = {
      id: 8,
      report: {
        status: 'dry-run',
        kind: 'teaching-schools',
        network: 'teaching-schools',
        file_name: 'x.csv',
        sha256: 'ab',
        bytes: 10,
        as_at: '2016-01-01',
        format: null,
        encoding: null,
        warnings: [],
        delimiter: null,
        ignored_columns: [],
        rows_read: 4,
        rows_valid: 4,
        rows_written: 4,
        error_count: 0,
        errors: [],
        import_id: null,
        superseded_import_ids: [],
        changes: { compared_with: '2015-05-01', joined: ['100004'], left: ['100002'], weak_matches: [] },
        confirmations: [],
        preview: {
          network: 'teaching-schools',
          as_at: '2016-01-01',
          compared_with: '2015-05-01',
          next_list: null,
          members: { from: 3, to: 3 },
          joiners: [member('100004', evil)],
          leavers: [member('100002', 'Gamma School')],
          group_moves: [
            { member_key: '100001', name: 'Beta Academy', from_group: 'North', to_group: 'East' },
          ],
          area_changes: [
            { la_code: '208', name: 'Lambeth', from_members: 1, to_members: 0, change: -1, coverage: 'lost' },
            {
              la_code: '921',
              name: 'Isle of Wight',
              from_members: 1,
              to_members: 2,
              change: 1,
              coverage: null,
            },
          ],
          council_areas_covered: { from: 3, to: 2 },
          hubs: null,
          against_next: null,
        },
        message: 'dry run',
      },
    };
    const { node, mount } = reportNode(answer, true, {
      member: 'teaching school',
      members: 'teaching schools',
    });
    expect(mount).toBeTypeOf('function');
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelector('[data-testid=preview-summary]')!.textContent).toBe(
      'Compared with the list as at 1 May 2015: 1 teaching school would join, 1 would leave and 1 would move ' +
        'group. Council areas covered: 3 before, 2 after (0 areas gaining coverage, 1 losing it).',
    );
    const rows = (testid: string) =>
      [...node.querySelectorAll(`[data-testid=${testid}] tbody tr`)].map((r) =>
        [...r.querySelectorAll('th, td')].map((c) => c.textContent),
      );
    expect(rows('admin-areas')).toEqual([
      ['Lambeth', '208', '1', '0', '-1', 'lost'],
      ['Isle of Wight', '921', '1', '2', '+1', 'kept'],
    ]);
    expect(rows('admin-joiners')).toEqual([[evil, '100004', evil, 'Isle of Wight']]);
    expect(rows('admin-leavers')[0]![0]).toBe('Gamma School');
    expect(rows('admin-moves')).toEqual([['Beta Academy', '100001', 'North', 'East']]);
    expect(node.querySelector('[data-testid=preview-map]')!.getAttribute('aria-label')).toContain(
      'table of council areas below',
    );
    expect(
      [...node.querySelectorAll('[data-testid=preview-legend] li')].map((li) => li.getAttribute('data-kind')),
    ).toEqual(['gained', 'lost', 'more', 'fewer', 'unchanged']);
  });
});
