// The parts of Tiled's JSON map format (.tmj) that Emberquest reads.

export interface TiledProperty {
  name: string;
  type?: string;
  value: unknown;
}

export interface TiledTile {
  id: number;
  properties?: TiledProperty[];
  animation?: { tileid: number; duration: number }[];
}

export interface TiledTileset {
  firstgid: number;
  name?: string;
  source?: string;
  image?: string;
  imagewidth?: number;
  imageheight?: number;
  tilewidth?: number;
  tileheight?: number;
  tilecount?: number;
  columns?: number;
  margin?: number;
  spacing?: number;
  tiles?: TiledTile[];
}

export interface TiledObject {
  id: number;
  name?: string;
  type?: string;
  class?: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  point?: boolean;
  /** Set on tile objects, whose y is their bottom edge. */
  gid?: number;
  /** Shapes the game cannot read as an area: the checker names them. */
  ellipse?: boolean;
  polygon?: { x: number; y: number }[];
  polyline?: { x: number; y: number }[];
  text?: unknown;
  properties?: TiledProperty[];
}

export interface TiledLayer {
  id?: number;
  name: string;
  type: string;
  width?: number;
  height?: number;
  data?: number[] | string;
  encoding?: string;
  compression?: string;
  objects?: TiledObject[];
  layers?: TiledLayer[];
  properties?: TiledProperty[];
  visible?: boolean;
  opacity?: number;
  x?: number;
  y?: number;
}

export interface TiledMap {
  type?: string;
  orientation: string;
  infinite?: boolean;
  width: number;
  height: number;
  tilewidth: number;
  tileheight: number;
  layers: TiledLayer[];
  tilesets: TiledTileset[];
  properties?: TiledProperty[];
}
