// Starts the game: Phaser with its scenes, and the small API our browser tests read.
import Phaser from 'phaser';
import { PreloadScene } from './scenes/preload.ts';
import { WorldScene } from './scenes/world.ts';
import { HudScene } from './scenes/hud.ts';
import { exposeTestApi } from './test-api.ts';
import './style.css';
import './map/maps.css';

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  pixelArt: true,
  backgroundColor: '#1b1220',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  input: { activePointers: 2 },
  scene: [PreloadScene, WorldScene, HudScene],
  banner: false,
});

exposeTestApi(game);
