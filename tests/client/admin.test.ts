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
  it('shows every error and every key as text, never as HTML', () => {
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
        changes: { compared_with: null, joined: [evil], left: [] },
        preview: null,
        message: evil,
      },
    };
    const node = reportNode(answer, true);
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelectorAll('[data-testid=admin-errors] tbody tr')).toHaveLength(2);
    expect(node.querySelector('[data-testid=admin-errors]')!.textContent).toContain(evil);
    expect(node.querySelector('[data-testid=admin-joiners]')!.textContent).toContain(evil);
  });
});
