// `npm run deploy:nginx -- --process 10.0.0.2:8000=emberfall-1,isle --process 10.0.0.3:8000=emberfall-2
// [--listen 80] [--server-name play.example.org] [--realm assets/realm.json]`: prints the nginx config that
// routes each world's WebSocket to its process (docs/hosting.md).
import path from 'node:path';
import { parseRealm } from '../../shared/content/realm.ts';
import { ContentError } from '../../shared/content/world-map.ts';
import { readJsonFile } from '../../server/read-json.ts';
import { DeployError, nginxConfig, parseProcesses } from './nginx-config.ts';

function option(args: readonly string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

const args = process.argv.slice(2);
try {
  const file = path.resolve(option(args, '--realm', 'assets/realm.json'));
  const realm = parseRealm(readJsonFile(file, path.relative(process.cwd(), file)), file, 5000);
  const listen = option(args, '--listen', '80');
  const serverName = option(args, '--server-name', '_');
  process.stdout.write(nginxConfig(realm, parseProcesses(args), { listen, serverName }));
} catch (err) {
  if (err instanceof DeployError || err instanceof ContentError) console.error(err.message);
  else console.error((err as Error).stack ?? String(err));
  process.exit(1);
}
