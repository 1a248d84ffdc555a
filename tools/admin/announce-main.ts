// `ADMIN_TOKEN=… npm run announce -- "The realm restarts at 20:00"`: a line to every player in every world
// of the realm, shown as a banner (docs/hosting.md). Sent to this machine's server (PORT, 8000) or to
// ANNOUNCE_URL; any process of the realm will do, the bus carries it to the others.
import { announceUrl, sendAnnouncement } from './announce.ts';

const text = process.argv.slice(2).join(' ').trim();
const token = process.env.ADMIN_TOKEN?.trim() ?? '';
if (!text) {
  console.error('Say what to announce: npm run announce -- "The realm restarts at 20:00"');
  process.exit(2);
}
if (!token) {
  console.error('Set ADMIN_TOKEN to the token the server runs with (its ADMIN_TOKEN).');
  process.exit(2);
}
const result = await sendAnnouncement(announceUrl(process.env), token, text);
if (result.ok) console.log(result.message);
else console.error(result.message);
process.exit(result.ok ? 0 : 1);
