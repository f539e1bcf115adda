import 'reflect-metadata';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  addStaffUser,
  ConfigError,
  loadConfig,
  revertLastMigration,
  runMigrations,
  STAFF_ROLES,
  StaffCommandError,
  StaffRole,
} from '@vafa/platform';
import { databaseUrlInUse, withDataSource } from './database-session';
import { generateMigration } from './migration-generate.command';
import { verifyLedger } from './ledger-verify.command';
import { DEFAULT_BATCH_SIZE, ImportFileError } from '@vafa/points';
import { importTransactionsCommand } from './import-transactions.command';
import { distributeCommand } from './db-distribute.command';

const program = new Command('vafa').description('Vafa loyalty platform: operator commands');

const db = program.command('db').description('the database');
db.command('url')
  .description('print the connection URL of the database in use (for psql or pgbench)')
  .action(async () => {
    const url = await databaseUrlInUse();
    if (url) {
      return console.log(url);
    }
    console.error(
      `No Vafa database is running on VAFA_DATA_DIR (${loadConfig().dataDir}): start the server with "npm start" (or set DATABASE_URL), then ask again.`,
    );
    process.exitCode = 1;
  });

db.command('distribute')
  .description(
    'on a Citus coordinator: spread the migrated schema over the cluster (member tables by member, configuration as reference tables); safe to run again',
  )
  .action(() => withDataSource(distributeCommand));

const migration = program.command('migration').description('schema migrations');
migration
  .command('run')
  .description('apply pending migrations')
  .action(() =>
    withDataSource(async (dataSource) => {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    }),
  );
migration
  .command('revert')
  .description('undo the last applied migration (run "migration run" to apply it again)')
  .action(() =>
    withDataSource(async (dataSource) => {
      const reverted = await revertLastMigration(dataSource);
      console.log(reverted ? `Reverted: ${reverted}` : 'No migration has been applied.');
    }),
  );
migration
  .command('generate')
  .argument('<name>', 'what the change does, e.g. AddMemberBirthdays')
  .option('--check', 'fail when entities and migrations differ, writing nothing')
  .description('write a migration from the difference between the entities and the schema')
  .action((name: string, options: { check?: boolean }) =>
    withDataSource(async (dataSource) => {
      await runMigrations(dataSource);
      if (options.check) {
        const pending = await dataSource.driver.createSchemaBuilder().log();
        if (pending.upQueries.length > 0) {
          console.error('Entities and migrations differ:');
          for (const q of pending.upQueries) {
            console.error(`  ${q.query}`);
          }
          process.exitCode = 1;
        } else {
          console.log('Entities and migrations agree.');
        }
        return;
      }
      const file = await generateMigration(dataSource, name);
      console.log(file ? `Wrote migrations/${file}.ts` : 'No changes: entities and schema agree.');
    }),
  );

program
  .command('ledger')
  .description('the points ledger')
  .command('verify')
  .description('recompute every balance and lot from the postings and report discrepancies')
  .action(() => withDataSource(verifyLedger));

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('a positive whole number');
  }
  return n;
};

program
  .command('import')
  .description('bulk imports')
  .command('transactions')
  .argument(
    '<file>',
    'CSV with a header: member_external_id,occurred_at,amount[,order_id][,channel]',
  )
  .option('--award-points', 'credit points for the imported orders by the active earning rules')
  .option(
    '--batch-size <rows>',
    'rows per database round trip',
    positiveInteger,
    DEFAULT_BATCH_SIZE,
  )
  .description(
    'import purchase history: creates missing members, skips orders already imported, reports bad rows',
  )
  .action((file: string, options: { awardPoints?: boolean; batchSize: number }) =>
    withDataSource((dataSource) => importTransactionsCommand(dataSource, file, options)).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof ImportFileError)) {
          throw error;
        }
        console.error(error.message);
        process.exitCode = 1;
      },
    ),
  );

program
  .command('staff')
  .description('staff users of the console')
  .command('add')
  .description('create a staff user with a generated password, printed once')
  .requiredOption('--email <email>', 'the email they sign in with')
  .addOption(
    new Option('--role <role>', 'what they may do').choices(STAFF_ROLES).makeOptionMandatory(),
  )
  .option('--name <name>', 'how they are shown (default: the part of the email before @)')
  .option('--store <storeId>', 'the store a cashier works for')
  .action((options: { email: string; role: StaffRole; name?: string; store?: string }) =>
    withDataSource(async (dataSource) => {
      await runMigrations(dataSource);
      await addStaffUser(dataSource, options, (line) => console.log(line));
    }).catch((error: unknown) => {
      if (!(error instanceof StaffCommandError)) {
        throw error;
      }
      console.error(error.message);
      process.exitCode = 1;
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
