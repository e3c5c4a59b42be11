import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Secrets } from './secrets.ts';

/** What every module needs, built once by app.ts. */
export interface AppContext {
  database: Database;
  config: Config;
  secrets: Secrets;
}
