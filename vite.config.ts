// Builds client/ into dist/client. In dev, proxies the game WebSocket to the game server.
import { defineConfig } from 'vite';
import { precompress } from './tools/precompress.ts';

const gamePort = Number(process.env.GAME_PORT ?? 8001);

export default defineConfig({
  root: 'client',
  publicDir: false,
  // Brotli and gzip copies of the built text files, for the server to send (server/static-files.ts).
  plugins: [precompress()],
  base: './',
  build: {
    outDir: '../dist/client',
    assetsDir: 'bundle',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: Number(process.env.PORT ?? 8000),
    host: process.env.HOST ?? '127.0.0.1',
    proxy: {
      '/ws': { target: `ws://127.0.0.1:${gamePort}`, ws: true },
      '/assets': { target: `http://127.0.0.1:${gamePort}` },
      '/status': { target: `http://127.0.0.1:${gamePort}` },
      '/worlds': { target: `http://127.0.0.1:${gamePort}` },
    },
  },
});
