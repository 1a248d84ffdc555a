// `npm run dev`: the game server on GAME_PORT (restarted when server or shared code changes) and Vite's
// dev server on PORT with hot reload, proxying the WebSocket and assets to the game server.
import { spawn, type ChildProcess } from 'node:child_process';

const gamePort = process.env.GAME_PORT ?? '8001';
const env = { ...process.env, GAME_PORT: gamePort };
const children: ChildProcess[] = [
  spawn(
    process.execPath,
    [
      // Code changes restart the server; content changes are live-reloaded into the running worlds.
      '--watch-path=server',
      '--watch-path=shared',
      '--import',
      'tsx',
      'server/main.ts',
    ],
    { stdio: 'inherit', env: { LIVE_RELOAD: '1', ...env, PORT: gamePort, HOST: '127.0.0.1' } },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit', env }),
];

function stop(): void {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    if (code && code !== 0) {
      console.error(`A dev process exited with code ${code}; stopping the rest.`);
      stop();
      process.exitCode = code;
    }
  });
}
