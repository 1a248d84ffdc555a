// `npm run check-content [-- FILE…]`: checks assets/data, assets/realm.json and the maps (every map the
// realm names and all of assets/maps, or the FILEs given) with the server's own parsers, and the portals
// between maps both ways, without starting a server. Exit 0: no errors (warnings allowed); 1: errors.
// `--assets DIR` checks another assets folder.
import path from 'node:path';
import { checkContent, formatFindings, mapsToCheck } from './check.ts';
import { loadRealm } from './realm-file.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--assets');
const assetsDir = path.resolve(at >= 0 ? (args[at + 1] ?? 'assets') : 'assets');
const files = args.filter((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
// Data files are always checked (maps need them); the FILEs name the maps.
const maps = files.filter((f) => !/(^|[\\/])data[\\/][^\\/]+\.json$/.test(f)).map((f) => path.resolve(f));
const findings = checkContent({ assetsDir, maps });
console.log(formatFindings(findings, mapsToCheck({ assetsDir, maps }, loadRealm(assetsDir, [])).length));
process.exitCode = findings.some((f) => f.level === 'error') ? 1 : 0;
