// Client frames are read by this small decoder, not by msgpackr: a client message is one flat tuple of
// numbers and strings, and reading only that costs one pass over the bytes, however the frame is made.
// msgpackr would build whatever a frame describes (extension types, deep nesting) before we could
// refuse it: a hostile 4 KiB frame took ~9 ms of the game thread that way.

/** More fields than any client op has: a longer tuple is refused before its fields are read. */
const MAX_FIELDS = 8;

export type Read = { ok: true; value: unknown[] } | { ok: false; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one msgpack array of scalars (integers, floats, strings, booleans, nil) filling all of `bytes`. */
export function readClientTuple(bytes: Uint8Array): Read {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length;
  if (end === 0) return fail('empty frame');
  const head = bytes[0]!;
  let count: number;
  let at: number;
  if (head >= 0x90 && head <= 0x9f) [count, at] = [head & 0x0f, 1];
  else if (head === 0xdc && end >= 3) [count, at] = [data.getUint16(1), 3];
  else return fail('a message is an array of fields');
  if (count === 0 || count > MAX_FIELDS) return fail(`a message has 1 to ${MAX_FIELDS} fields, not ${count}`);
  const value: unknown[] = [];
  for (let i = 0; i < count; i++) {
    if (at >= end) return fail('frame ends inside the message');
    const type = bytes[at]!;
    const size = scalarSize(type, bytes, data, at);
    if (size < 0) return fail(`field ${i} has a type (0x${type.toString(16)}) no message uses`);
    if (at + size > end) return fail('frame ends inside a field');
    const read = readScalar(type, bytes, data, at, size);
    if (read === INVALID) return fail(`field ${i} is not valid UTF-8`);
    value.push(read);
    at += size;
  }
  if (at !== end) return fail('bytes after the message');
  return { ok: true, value };
}

function fail(error: string): Read {
  return { ok: false, error };
}

const INVALID = Symbol('invalid');

/** Bytes the scalar at `at` takes, header included; -1 for a type no client message uses. */
function scalarSize(type: number, bytes: Uint8Array, data: DataView, at: number): number {
  if (type <= 0x7f || type >= 0xe0) return 1; // fixints
  if (type >= 0xa0 && type <= 0xbf) return 1 + (type & 0x1f); // fixstr
  switch (type) {
    case 0xc0: // nil
    case 0xc2: // false
    case 0xc3: // true
      return 1;
    case 0xcc: // uint 8
    case 0xd0: // int 8
      return 2;
    case 0xcd: // uint 16
    case 0xd1: // int 16
      return 3;
    case 0xce: // uint 32
    case 0xd2: // int 32
    case 0xca: // float 32
      return 5;
    case 0xcb: // float 64
      return 9;
    case 0xd9: // str 8
      return at + 1 < bytes.length ? 2 + bytes[at + 1]! : 2;
    case 0xda: // str 16
      return at + 2 < bytes.length ? 3 + data.getUint16(at + 1) : 3;
    default: // maps, arrays, binary, extensions, 64-bit integers, str 32
      return -1;
  }
}

function readScalar(type: number, bytes: Uint8Array, data: DataView, at: number, size: number): unknown {
  if (type <= 0x7f) return type;
  if (type >= 0xe0) return type - 0x100;
  if (type >= 0xa0 && type <= 0xbf) return text(bytes, at + 1, at + size);
  switch (type) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xcc:
      return bytes[at + 1];
    case 0xd0:
      return data.getInt8(at + 1);
    case 0xcd:
      return data.getUint16(at + 1);
    case 0xd1:
      return data.getInt16(at + 1);
    case 0xce:
      return data.getUint32(at + 1);
    case 0xd2:
      return data.getInt32(at + 1);
    case 0xca:
      return data.getFloat32(at + 1);
    case 0xcb:
      return data.getFloat64(at + 1);
    case 0xd9:
      return text(bytes, at + 2, at + size);
    default: // 0xda
      return text(bytes, at + 3, at + size);
  }
}

function text(bytes: Uint8Array, from: number, to: number): string | typeof INVALID {
  try {
    return utf8.decode(bytes.subarray(from, to));
  } catch {
    return INVALID;
  }
}
