// `DATABASE_URL=postgres://… npm run import-sqlite [-- DATA_DIR]`: copies every character of the embedded
// SQLite database (data/ by default) into PostgreSQL, once, before the first start on PostgreSQL.
import path from 'node:path';
import { consoleLog } from '../../server/log.ts';
import { importSqlite } from '../../server/store/import-sqlite.ts';
import { openPostgresStore } from '../../server/store/postgres-store.ts';
import { StoreError } from '../../server/store/store.ts';

const log = consoleLog();
const url = process.env.DATABASE_URL;
if (!url) {
  log.error(
    'Set DATABASE_URL=postgres://user@host/db to the PostgreSQL database to copy the characters into.',
  );
  process.exit(1);
}
const dataDir = path.resolve(process.argv[2] ?? process.env.DATA_DIR ?? 'data');
try {
  const store = await openPostgresStore(url, log);
  const report = await importSqlite(dataDir, store.pool);
  store.close();
  log.info(`Copied ${report.copied} character(s) from ${dataDir} into ${store.where}.`);
  if (report.lookalikes.length > 0)
    log.warn(
      `Copied with a lookalike already there (rename one if players mix them up): ${report.lookalikes.join(', ')}`,
    );
  if (report.skipped.length > 0)
    log.warn(
      `Left ${report.skipped.length} already in PostgreSQL as they were: ${report.skipped.join(', ')}`,
    );
} catch (err) {
  log.error(err instanceof StoreError ? err.message : ((err as Error).stack ?? String(err)));
  process.exit(1);
}
