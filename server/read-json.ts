// Reads a JSON content file, turning every failure into a message a modder can act on: a missing file,
// a Tiled map saved as XML (.tmx), or a syntax error with its line and column.
import { readFileSync } from 'node:fs';
import { ContentError } from '../shared/content/world-map.ts';

/** The file's parsed JSON, or a ContentError for `label` (the path as the modder knows it). */
export function readJsonFile(file: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(label, [
      `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    ]);
  }
  if (/^\s*</.test(text)) {
    throw new ContentError(label, [
      'is XML (a Tiled .tmx map?): the game reads JSON only. In Tiled use File → Save As, ' +
        'choose "JSON map files (*.tmj *.json)" and save it as .tmj',
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ContentError(label, [`is not valid JSON: ${jsonErrorWhere(text, (err as Error).message)}`]);
  }
}

/** V8 reports "… at position 123"; people count lines and columns. */
export function jsonErrorWhere(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return message.includes('end of JSON') ? `${message} (the file ends too early)` : message;
  const position = Number(at[1]);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const shownLine = text.split('\n')[line - 1]?.trim().slice(0, 80) ?? '';
  return (
    `${message.replace(/ in JSON at position \d+.*/, '')} at line ${line}, column ${column}: ${shownLine}` +
    ' (a comma before } or ], a missing comma, or a quote left open are the usual causes)'
  );
}
