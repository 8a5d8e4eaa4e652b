import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError, badRequest, shown } from '../errors.js';

/** An uploaded file held in memory, the form's text fields, and the client's file name as a label only. */
export interface Upload {
  bytes: Buffer;
  /** A label for the report: the last segment of the client's name, plain characters only. Never a path. */
  fileName: string;
  fields: Record<string, string>;
}

const FILE_FIELD = 'file';
/** The longest text field taken (kind, as_at, confirm, ... are short). */
const FIELD_BYTES = 1024;

/** The client's file name reduced to a label: no directories, no control or odd characters, at most 100. */
export function fileLabel(name: string | undefined, fallback = 'upload'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const label = base
    .replace(/[^A-Za-z0-9 ._()-]+/g, '_')
    .replace(/^[ .]+/, '')
    .slice(0, 100);
  return label || fallback;
}

const tooLarge = (limit: number) =>
  new HttpError(413, `the upload is larger than the limit of ${limit} bytes (UPLOAD_LIMIT_MB)`, [], {
    Connection: 'close',
  });

/** How much an upload may send, and how long it may send nothing. */
export interface UploadLimits {
  bytes: number;
  stallMs: number;
}

// A client that stops sending mid-upload would hold the import lock until the request timeout (minutes): past
// UPLOAD_STALL_S without a byte, the upload is refused and the lock released at once.
const stalled = (stallMs: number) =>
  new HttpError(
    408,
    `the upload sent nothing for ${stallMs / 1000} s (UPLOAD_STALL_S) and was stopped; send it again`,
    [],
    { Connection: 'close' },
  );

/** Calls onStall when touch() has not been called for stallMs; stop() when the body has ended or failed. */
function stallWatch(stallMs: number, onStall: () => void): { touch: () => void; stop: () => void } {
  const timer = setTimeout(onStall, stallMs);
  return {
    touch: () => timer.refresh(),
    stop: () => clearTimeout(timer),
  };
}

/** Stops reading a request we have refused: the rest is discarded, and the connection closes after the answer. */
function discard(req: Request): void {
  req.unpipe();
  req.resume();
}

function readCsvBody(
  req: Request,
  { bytes: limit, stallMs }: UploadLimits,
  fileName: string,
): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: unknown) => {
      watch.stop();
      req.removeAllListeners('data');
      discard(req);
      reject(error);
    };
    const watch = stallWatch(stallMs, () => fail(stalled(stallMs)));
    req.on('data', (chunk: Buffer) => {
      watch.touch();
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      watch.stop();
      resolve({ bytes: Buffer.concat(chunks), fileName, fields: {} });
    });
    req.on('error', fail);
    req.on('aborted', () => fail(badRequest('the upload was cut off before it ended')));
  });
}

const FORM_HELP = `send a multipart/form-data body with the file in the field '${FILE_FIELD}'`;

/** What went wrong with a multipart body, in words an admin can act on (busboy's own are terse). */
function unreadable(message: string, sawBoundary: boolean, received: number): HttpError {
  if (received === 0) return badRequest(`the upload is empty: ${FORM_HELP}`);
  if (/boundary not found|malformed content type/i.test(message)) {
    return badRequest(`the Content-Type names no multipart boundary: ${FORM_HELP}`);
  }
  if (/unexpected end of form/i.test(message)) {
    return badRequest(
      sawBoundary
        ? 'the multipart body ends before its closing boundary: the upload was cut short'
        : 'the body never uses the boundary its Content-Type names: is it the body the Content-Type describes?',
    );
  }
  if (/malformed part header/i.test(message))
    return badRequest('a part of the multipart body has a malformed header');
  return badRequest(`the multipart body cannot be read: ${message}`);
}

function readMultipart(req: Request, { bytes: limit, stallMs }: UploadLimits): Promise<Upload> {
  return new Promise((resolve, reject) => {
    // What busboy does not say: whether any of the body was there, and whether it used the boundary at all.
    let received = 0;
    let head = Buffer.alloc(0);
    const watch = stallWatch(stallMs, () => fail(stalled(stallMs)));
    req.on('data', (chunk: Buffer) => {
      watch.touch();
      received += chunk.length;
      if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096)]);
    });
    const boundary = /boundary="?([^";]+)"?/i.exec(req.get('Content-Type') ?? '')?.[1];
    const sawBoundary = () => boundary !== undefined && head.includes(`--${boundary}`);
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: limit, fields: 10, fieldSize: FIELD_BYTES, parts: 11 },
      });
    } catch (error) {
      watch.stop();
      discard(req);
      reject(unreadable((error as Error).message, false, Number(req.get('Content-Length') ?? 1)));
      return;
    }
    // No prototype: a field named __proto__ or constructor is a field like any other (and refused by name later).
    const fields = Object.create(null) as Record<string, string>;
    let file: { bytes: Buffer; fileName: string } | null = null;
    let failed = false;
    const fail = (error: HttpError) => {
      if (failed) return;
      failed = true;
      watch.stop();
      discard(req);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      // A part without a filename is a field to busboy: curl -F 'file=<list.csv' sends the file so, which was
      // refused as 'no file in the form' (after busboy cut it to 1 KB).
      if (name === FILE_FIELD) {
        fail(
          badRequest(
            `the form field '${FILE_FIELD}' holds text, not a file: send it as a file, with a filename (curl -F ${FILE_FIELD}=@list.csv)`,
          ),
        );
        return;
      }
      // busboy cuts a longer value to FIELD_BYTES and says so: judged cut, it was refused for what was left of it.
      if (info.valueTruncated) {
        fail(badRequest(`form field ${shown(name)} is longer than ${FIELD_BYTES} bytes`));
        return;
      }
      if (Object.hasOwn(fields, name)) fail(badRequest(`form field ${name} is given more than once`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        // busboy names a part with an empty name undefined, whatever its type says.
        const given = (name as string | undefined) ? `'${name}'` : 'a field with no name';
        fail(badRequest(`the file must be sent in the form field '${FILE_FIELD}', not ${given}`));
        return;
      }
      const chunks: Buffer[] = [];
      // A body cut short fails the file stream too: unheard, that error would end the process.
      stream.on('error', (error: Error) => fail(unreadable(error.message, sawBoundary(), received)));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(limit)));
      stream.on('close', () => {
        if (!failed) file = { bytes: Buffer.concat(chunks), fileName: fileLabel(info.filename) };
      });
    });
    parser.on('filesLimit', () => fail(badRequest('send one file per import')));
    parser.on('fieldsLimit', () => fail(badRequest('too many form fields')));
    parser.on('partsLimit', () => fail(badRequest('too many form parts')));
    parser.on('error', (error: Error) => fail(unreadable(error.message, sawBoundary(), received)));
    parser.on('close', () => {
      watch.stop();
      if (failed) return;
      if (file === null) fail(badRequest(`no file in the form: ${FORM_HELP}`));
      else resolve({ ...file, fields });
    });
    req.on('aborted', () => fail(badRequest('the upload was cut off before it ended')));
    req.on('error', () => fail(badRequest('the upload was cut off before it ended')));
    req.pipe(parser);
  });
}

/**
 * Reads an upload into memory, never past `limit` bytes: a multipart form with one file in the field `file`, or a
 * `text/csv` body. Nothing is written to disk.
 */
export function readUpload(req: Request, limits: UploadLimits): Promise<Upload> {
  const limit = limits.bytes;
  const declared = Number(req.get('Content-Length'));
  // A multipart body carries a little more than its file: allow for boundaries and the text fields.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) {
    discard(req);
    return Promise.reject(tooLarge(limit));
  }
  // Bodies are read as they come: a gzipped one was read as CSV and rejected for its 'encoding' (0x8B is not
  // UTF-8), which says nothing of the cause. Nothing is decompressed here, so no bomb either.
  const coding = req.get('Content-Encoding')?.trim().toLowerCase();
  if (coding !== undefined && coding !== '' && coding !== 'identity') {
    discard(req);
    // RFC 7694: a 415 that names the codings taken.
    return Promise.reject(
      new HttpError(
        415,
        `the upload is compressed (Content-Encoding: ${coding.slice(0, 40)}): send the file uncompressed`,
        [],
        { 'Accept-Encoding': 'identity' },
      ),
    );
  }
  if (req.is('multipart/form-data')) return readMultipart(req, limits);
  if (req.is('text/csv')) return readCsvBody(req, limits, 'upload.csv');
  discard(req);
  return Promise.reject(
    new HttpError(415, `send the file as multipart/form-data or text/csv, not ${shownType(req)}`),
  );
}

const shownType = (req: Request) => `'${(req.get('Content-Type') ?? 'no content type').slice(0, 60)}'`;
