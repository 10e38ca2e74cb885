import { assertServiceSecrets, ConfigError, loadConfig } from './config/app-config';
import { startConnector } from './bootstrap';

/** `npm start`: the connector as a service, configured from the environment (docs/configuration.md). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    assertServiceSecrets(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee docs/configuration.md.\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startConnector(config, { runtime: { jobsEnabled: true } });
  process.stdout.write(`Tamara connector listening on ${running.url}\n`);
}

void main().catch((error: Error) => {
  process.stderr.write(`The connector failed to start: ${error.message}\n`);
  process.exit(1);
});
