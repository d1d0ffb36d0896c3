import { serve } from '@hono/node-server';
import { ConfigError, readConfig } from './config';
import { createShenfaFromConfig } from './embed/create-shenfa';
import { standaloneFetch } from './embed/standalone-fetch';
import { seedDemoBureau } from './seed/seed-demo';
import { demoPassword } from './seed/demo-password';
import { demoBureau } from './seed/demo-content';
import { answerMalformedRequests } from './http/client-errors';
import { startGroupCommitThread } from './services/group-commit';
import { startReportReader } from './db/report-reader';
import { log } from './log';

/**
 * The standalone server: the default host of the embeddable Shenfa (createShenfa), mounted
 * at '/' (or at SHENFA_BASE_PATH), with Shenfa's own sign-in; it seeds a demo bureau into an
 * empty database.
 */
async function main() {
  const config = readConfig();
  const shenfa = await createShenfaFromConfig(config, { scheduler: false });
  const { services } = shenfa;
  const { password, generated } = demoPassword(config.demoPassword);
  const { seeded } = await seedDemoBureau(services, password);
  shenfa.startScheduler();
  // A server lives long: its groups of changes are written on a thread of their own from the start (group-commit-thread.ts).
  void startGroupCommitThread(services.database).then((started) => started || log.warn('group-commit thread did not start: groups are written on the event loop'));
  // And its long reports (a year's statistics, the annual report) are read off the event loop (report-reader.ts).
  void startReportReader(services.database).then((started) => started || log.warn('report reader did not start: reports are read on the event loop'));
  const server = serve({ fetch: standaloneFetch(shenfa), port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}${config.basePath}`;
    console.log(`审发 Shenfa 已启动：${url}`);
    console.log(`公开目录：${url}/public`);
    if (seeded) {
      console.log(`已创建演示单位「${demoBureau.name}」，用户：${demoBureau.users.map((u) => u.username).join('、')}`);
      console.log(generated ? `演示密码（仅显示这一次）：${password}` : '演示密码：取自 SHENFA_DEMO_PASSWORD');
    }
  });
  answerMalformedRequests(server);
  // Graceful: stop taking connections, let requests in flight finish, then close the database.
  const stop = () => {
    server.close(() => {
      void shenfa.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  // A configuration mistake is the operator's to fix: say which and how, without a stack.
  console.error(error instanceof ConfigError ? `启动失败：${error.message}` : '启动失败：', error instanceof ConfigError ? '' : error);
  process.exit(1);
});
