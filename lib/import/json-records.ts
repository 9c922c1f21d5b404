/**
 * The records of a JSON export, read a chunk of bytes at a time: UHRI's full data set is one
 * array of about 267,000 records (360 MB), never held as one string. The splitter only finds
 * where each record starts and ends (strings and nesting tracked byte by byte, string bodies
 * skipped with indexOf); each record is then decoded and given to the platform's JSON.parse.
 *
 * Why not a streaming JSON library (@streamparser/json, clarinet): a tokenizer in JavaScript
 * reads every byte through its own state machine, several times slower than JSON.parse on the
 * same record, and it stops at the first syntax error. Here one broken record (a bad escape, a
 * download cut short) refuses that record with its number and line, and the rest is read.
 *
 * Takes a top-level array of records, or an object holding one (`{"value": [...]}`). Pure.
 */

export interface JsonRecord {
  /** 1-based position of the record in the array. */
  record: number;
  /** Line of the file where the record starts. */
  line: number;
  value?: Record<string, unknown>;
  problem?: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const NEWLINE = 0x0a;

export class NotJsonRecords extends Error {
  override name = 'NotJsonRecords';
}

export class JsonRecordSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth inside the records array (1 for a top-level array), once found. */
  private arrayDepth = -1;
  private arrayDone = false;
  private started = false;
  /** Bytes of the record in progress that came in earlier chunks. */
  private carry: Uint8Array[] = [];
  private inRecord = false;
  private primitive = false;
  private recordLine = 0;
  private line = 1;
  private count = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** Records completed by this chunk, in order. */
  push(bytes: Uint8Array): JsonRecord[] {
    const out: JsonRecord[] = [];
    let start = this.inRecord ? 0 : -1;
    const n = bytes.length;
    let i = 0;
    // The next backslash in this chunk, searched once and again only once passed (-1: none left):
    // searching from every string would scan the rest of the chunk each time.
    let nextBackslash = -2;
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        // Jump to the next quote or backslash: string bodies are most of the bytes.
        let q = bytes.indexOf(QUOTE, i);
        if (q < 0) q = n;
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = bytes.indexOf(BACKSLASH, i);
        const b = nextBackslash >= 0 && nextBackslash < q ? nextBackslash : -1;
        if (b >= 0) {
          this.escaped = true;
          i = b + 1;
          continue;
        }
        if (q >= n) {
          i = n;
          break;
        }
        this.inString = false;
        i = q + 1;
        continue;
      }
      const c = bytes[i]!;
      if (c === NEWLINE) this.line++;
      else if (!this.started) {
        if (c === OPEN_ARR) {
          this.started = true;
          this.depth = 1;
          this.arrayDepth = 1;
        } else if (c === OPEN_OBJ) {
          this.started = true;
          this.depth = 1;
        } else if (c === 0xef || c === 0xbb || c === 0xbf || c === 0x20 || c === 0x09 || c === 0x0d) {
          /* byte-order mark, spaces */
        } else throw new NotJsonRecords('The file does not start with a list of records.');
      } else if (c === QUOTE) {
        this.inString = true;
        if (!this.inRecord && this.depth === this.arrayDepth && !this.arrayDone) this.beginPrimitive(i, (s) => (start = s));
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (this.arrayDepth < 0 && c === OPEN_ARR && this.depth === 1) this.arrayDepth = 2;
        else if (!this.inRecord && this.depth === this.arrayDepth && !this.arrayDone) {
          this.inRecord = true;
          this.primitive = false;
          this.recordLine = this.line;
          start = i;
        }
        this.depth++;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (this.inRecord && this.primitive && this.depth === this.arrayDepth) {
          out.push(this.finish(bytes, start, i));
          start = -1;
        }
        this.depth--;
        if (this.inRecord && !this.primitive && this.depth === this.arrayDepth) {
          out.push(this.finish(bytes, start, i + 1));
          start = -1;
        } else if (this.depth === this.arrayDepth - 1 && this.arrayDepth > 0) this.arrayDone = true;
      } else if (c === 0x2c) {
        if (this.inRecord && this.primitive && this.depth === this.arrayDepth) {
          out.push(this.finish(bytes, start, i));
          start = -1;
        }
      } else if (c > 0x20 && !this.inRecord && this.depth === this.arrayDepth && !this.arrayDone) this.beginPrimitive(i, (s) => (start = s));
      i++;
    }
    if (this.inRecord) this.carry.push(bytes.slice(Math.max(0, start), n));
    return out;
  }

  /** What is left when the file ends: a record cut short, or a file with no records at all. */
  end(): JsonRecord[] {
    if (!this.started) throw new NotJsonRecords('The file holds no records.');
    if (this.arrayDepth < 0) throw new NotJsonRecords('The file holds no list of records.');
    if (!this.inRecord) return [];
    this.inRecord = false;
    this.carry = [];
    return [{ record: ++this.count, line: this.recordLine, problem: 'the file ends in the middle of this record (was the download cut short?)' }];
  }

  private beginPrimitive(i: number, setStart: (s: number) => void) {
    this.inRecord = true;
    this.primitive = true;
    this.recordLine = this.line;
    setStart(i);
  }

  private finish(bytes: Uint8Array, start: number, end: number): JsonRecord {
    const record = ++this.count;
    const line = this.recordLine;
    const primitive = this.primitive;
    this.inRecord = false;
    this.primitive = false;
    let part = bytes.subarray(Math.max(0, start), end);
    if (this.carry.length) {
      const total = this.carry.reduce((s, p) => s + p.length, 0) + part.length;
      const joined = new Uint8Array(total);
      let o = 0;
      for (const p of this.carry) {
        joined.set(p, o);
        o += p.length;
      }
      joined.set(part, o);
      part = joined;
      this.carry = [];
    }
    if (primitive) return { record, line, problem: 'this entry is not a record (an object with named fields)' };
    let text: string;
    try {
      text = this.decoder.decode(part);
    } catch {
      return { record, line, problem: 'this record is not UTF-8 text' };
    }
    try {
      const value: unknown = JSON.parse(text);
      return { record, line, value: value as Record<string, unknown> };
    } catch (e) {
      return { record, line, problem: `this record is not valid JSON (${e instanceof Error ? e.message.replace(/ in JSON at position \d+.*$/, '') : 'syntax error'})` };
    }
  }
}
