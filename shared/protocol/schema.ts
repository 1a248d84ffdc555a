// One table per client op that both types and validates its fields, so the two cannot drift.
import { MAX_CLIENT_FRAME, Op } from './ops.ts';

export interface Field<T> {
  /** What the field must be, for error messages. */
  readonly expect: string;
  check(value: unknown): value is T;
}

export function int(min: number, max: number): Field<number> {
  return {
    expect: `an integer from ${min} to ${max}`,
    check: (v): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
  };
}

export function str(maxLength: number): Field<string> {
  return {
    expect: `a string of at most ${maxLength} characters`,
    check: (v): v is string => typeof v === 'string' && v.length <= maxLength,
  };
}

/** Longest chat line the server passes on, in characters. */
export const CHAT_MAX = 120;

/** Fields after the op, per client→server op. */
export const clientSchema = {
  [Op.Hello]: [int(0, 0xffff), str(64), str(128)],
  [Op.WalkTo]: [int(0, 0xffff), int(0, 0xffff)],
  [Op.Attack]: [int(0, 0xffffff)],
  [Op.Loot]: [int(0, 0xffffff)],
  [Op.Talk]: [int(0, 0xffffff)],
  [Op.Open]: [int(0, 0xffffff)],
  // Any length a frame can carry: an over-long line gets a notice from the world, not a disconnect.
  [Op.Chat]: [str(MAX_CLIENT_FRAME)],
  [Op.Respawn]: [],
  [Op.Who]: [],
  // Slots are checked against the bag in the world, which says which one does not exist.
  [Op.UseSlot]: [int(0, 255)],
  [Op.UseBelt]: [int(0, 255)],
  [Op.DropSlot]: [int(0, 255)],
  [Op.SetBelt]: [int(0, 255), int(-1, 255)],
  [Op.MoveSlot]: [int(0, 255), int(0, 255)],
  [Op.SortBag]: [],
  [Op.SplitSlot]: [int(0, 255)],
  // Names are checked by the party rules (an over-long one is simply not online), not here.
  [Op.Invite]: [str(64)],
  [Op.AnswerInvite]: [str(64), int(0, 1)],
  [Op.LeaveParty]: [],
  [Op.Kick]: [str(64)],
  [Op.AcceptQuest]: [str(40)],
  [Op.AbandonQuest]: [str(40)],
} as const;

export type ClientOp = keyof typeof clientSchema;
type FieldType<F> = F extends Field<infer T> ? T : never;
type FieldTypes<T extends readonly unknown[]> = { -readonly [K in keyof T]: FieldType<T[K]> };
export type ClientMsgOf<O extends ClientOp> = [O, ...FieldTypes<(typeof clientSchema)[O]>];

export type HelloMsg = ClientMsgOf<typeof Op.Hello>;
export type WalkToMsg = ClientMsgOf<typeof Op.WalkTo>;
export type ClientMsg = { [O in ClientOp]: ClientMsgOf<O> }[ClientOp];

export type Checked = { ok: true; msg: ClientMsg } | { ok: false; error: string };

/** Checks a decoded value against the op's table: exact length, every field in range. */
export function checkClientMessage(value: unknown): Checked {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, error: 'message is not a tuple' };
  const op: unknown = value[0];
  const fields =
    typeof op === 'number' ? (clientSchema as Record<number, readonly Field<unknown>[]>)[op] : undefined;
  // Only a number is shown: anything else is the client's data (long, or not even printable).
  if (!fields) {
    const shown = typeof op === 'number' ? op : `of type ${typeof op}`;
    return { ok: false, error: `unknown op ${shown}` };
  }
  if (value.length !== fields.length + 1) {
    return { ok: false, error: `op ${op} takes ${fields.length} fields, got ${value.length - 1}` };
  }
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (!field.check(value[i + 1]))
      return { ok: false, error: `op ${op} field ${i + 1} must be ${field.expect}` };
  }
  return { ok: true, msg: value as ClientMsg };
}
