// Checks on a Tiled map that catch what would otherwise break silently: a bool property typed as text
// (`above: "true"` draws nothing above), an object drawn as a polygon or ellipse (read as one tile), a
// deleted ground or detail layer. parseWorldMap runs them; each message names the layer, tile or object.
import type { TiledLayer, TiledObject, TiledProperty, TiledTileset } from './tiled-types.ts';

/** Properties the game tests with `=== true`: anything but a Tiled bool is silently false. */
const BOOL_PROPERTIES = ['collides', 'above'];

/** The layers docs/modding.md describes; a map without them still loads, so they are warnings. */
const EXPECTED_LAYERS: Record<string, string> = {
  ground: 'grass, paths and water under everything (without it the map has holes)',
  detail: 'walls, doors, trees and props drawn under characters',
};

export interface MapFindings {
  problems: string[];
  warnings: string[];
}

function boolProblems(where: string, properties: readonly TiledProperty[] | undefined): string[] {
  return (properties ?? [])
    .filter((p) => BOOL_PROPERTIES.includes(p.name) && typeof p.value !== 'boolean')
    .map(
      (p) =>
        `${where} has property "${p.name}" = ${JSON.stringify(p.value)} of type ${p.type ?? 'string'}, ` +
        `which the game reads as false: delete it and add it again as a bool property (a tick box)`,
    );
}

export function checkMapProperties(
  tilesets: readonly TiledTileset[],
  layers: readonly TiledLayer[],
  out: MapFindings,
): void {
  for (const ts of tilesets) {
    for (const tile of ts.tiles ?? [])
      out.problems.push(
        ...boolProblems(`tileset "${ts.name ?? ts.firstgid}" tile ${tile.id}`, tile.properties),
      );
  }
  const names = new Set<string>();
  const visit = (list: readonly TiledLayer[]): void => {
    for (const l of list) {
      names.add(l.name.toLowerCase());
      out.problems.push(...boolProblems(`layer "${l.name}" (id ${l.id ?? '?'})`, l.properties));
      if (l.type === 'group') visit(l.layers ?? []);
    }
  };
  visit(layers);
  for (const [name, what] of Object.entries(EXPECTED_LAYERS)) {
    if (!names.has(name))
      out.warnings.push(
        `has no tile layer named "${name}" (${what}): add it back, or rename yours to "${name}"`,
      );
  }
}

/** Why an object's shape cannot be read as the rectangle or point the game needs, or null if it can. */
export function shapeProblem(obj: TiledObject): string | null {
  const shape = obj.polygon
    ? 'a polygon'
    : obj.polyline
      ? 'a polyline'
      : obj.ellipse
        ? 'an ellipse'
        : obj.text
          ? 'a text'
          : null;
  if (!shape) return null;
  return (
    `is ${shape}, which the game cannot read as an area (it would cover one tile): ` +
    `draw a rectangle (or a point for one tile) instead`
  );
}
