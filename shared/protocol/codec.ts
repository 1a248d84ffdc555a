// msgpackr codec. A client frame holds one message; a server frame is the tick's messages back to back.
import { Packr, Unpackr } from 'msgpackr';
import { checkClientMessage, type ClientMsg } from './schema.ts';
import { readClientTuple } from './client-decode.ts';
import type { ServerMsg } from './server-messages.ts';

const packr = new Packr({ useRecords: false });
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });

export function encode(msg: ClientMsg | ServerMsg): Uint8Array {
  return packr.pack(msg);
}

export type Decoded = { ok: true; msg: ClientMsg } | { ok: false; error: string };

/** Decodes and validates one client frame (a flat tuple, read by client-decode.ts). Never throws. */
export function decodeClientFrame(bytes: Uint8Array): Decoded {
  const read = readClientTuple(bytes);
  if (!read.ok) return { ok: false, error: `undecodable frame (${read.error})` };
  return checkClientMessage(read.value);
}

/** Joins already encoded messages into one server frame. */
export function joinFrame(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Splits a server frame into its messages. Throws on a corrupt frame (the server never sends one). */
export function decodeServerFrame(bytes: Uint8Array): ServerMsg[] {
  return unpackr.unpackMultiple(bytes) as ServerMsg[];
}
