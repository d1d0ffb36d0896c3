import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, migrationCount, restoreDatabase } from '../services/backup-service';
import { readConfig } from '../config';
import { createServices } from '../bootstrap';
import { seedDemoBureau } from '../seed/seed-demo';
import { seedScale } from '../seed/seed-scale';
import { demoPassword } from '../seed/demo-password';
import { createUser } from '../seed/user-admin';
import { ShenfaError } from '../services/errors';
import { verifyAuditChain } from '../services/audit-verify-service';
import { loadWorkCalendar } from '../services/calendar-service';
import { workdaysCommand } from './workdays-command';
import { workflowCommand } from './workflow-command';
import { formCommand } from './form-command';
import { reportCommand } from './report-command';
import { exportCommand, importCommand } from './catalog-transfer-command';

const HELP = `用法：npm run shenfa -- <命令> [选项]

命令：
  migrate                      创建或升级数据库（DATABASE_URL，默认 file:data/shenfa.db）
  seed-demo                    在空数据库中创建演示单位（密码取自 SHENFA_DEMO_PASSWORD，否则随机生成并显示）
  audit verify                 校验审计日志哈希链，指出第一条被篡改的记录
  backup <目录>                在服务运行中生成完整备份：数据库一致性快照（VACUUM INTO）、其引用的全部附件与清单（含校验值）
  restore <目录>               用备份替换数据库与附件（须先停止服务），先核对清单校验值，较早版本的备份随之升级数据库结构，随后校验审计日志
  report annual --year <年度> [--template 2019|2021] --out <文件.docx|.xlsx|.json>
                               由系统记录生成政府信息公开工作年度报告；勾稽关系不符时列出并以非零状态退出
  workflow export <流程标识>    输出该流程最新版本的定义（JSON）
  workflow validate <文件>     校验流程定义文件，逐条列出问题；有问题时以非零状态退出
  workflow import <文件>       校验并发布为该流程的新版本（不合规的定义被拒绝）
  form export <表单标识>        输出该起草表单最新版本的定义（JSON）
  form validate <文件>         校验表单定义文件，逐条列出问题；有问题时以非零状态退出
  form import <文件>           校验并发布为该表单的新版本（删除流程依赖字段等不合规的定义被拒绝）
  import catalog <文件> [--mapping JSON] [--as 用户名]
                               从 .xlsx/.csv 导入已公开信息目录（先逐行校验，有误则不写入；全部或全不）
  export catalog <文件>        导出公开目录（.xlsx 或 .csv，列同导入模板；删减内容不导出）
  export audit <文件>          导出审计日志（.xlsx 或 .csv，时间为北京时间）
  seed-scale --docs <N> [--requests <M>]
                               生成 N 份模拟文件（含待办、审查记录、时限、审计日志与检索索引）及 M 件依申请公开（默认 N/10），用于规模测试；空库先建演示单位；须停止服务后运行
  workdays add <日期> <N>      计算某日起 N 个工作日后的日期（含法定节假日与调休，及管理员设定）
  workdays check <日期>        查看某日是工作日、周末、节假日还是调休上班
  create-user                  创建用户
      --username <名>  --name <姓名>  --password <密码>  --roles <角色,角色>  --department <科室代码>
      角色：admin drafter stats legal secrecy leader publisher
  --help                       显示本帮助
`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate() {
    const services = await createServices(readConfig());
    console.log('数据库已是最新版本。');
    services.database.close();
  },
  async 'seed-demo'() {
    const config = readConfig();
    const services = await createServices(config);
    const { password, generated } = demoPassword(config.demoPassword);
    const { seeded } = await seedDemoBureau(services, password);
    console.log(seeded ? `演示单位已创建。${generated ? `演示密码：${password}` : '密码取自 SHENFA_DEMO_PASSWORD。'}` : '数据库中已有用户，未重复创建演示数据。');
    services.database.close();
  },
  async 'seed-scale'(args) {
    const { values } = parseArgs({ args, options: { docs: { type: 'string' }, requests: { type: 'string' }, seed: { type: 'string' } } });
    const docs = Number(values.docs);
    if (!Number.isInteger(docs) || docs < 1 || docs > 10_000_000) throw new ShenfaError('BAD_REQUEST', '请用 --docs 指定 1 到 10000000 之间的文件数');
    const config = readConfig();
    const services = await createServices(config);
    try {
      const { password, generated } = demoPassword(config.demoPassword);
      const { seeded } = await seedDemoBureau(services, password);
      if (seeded) console.log(`空库，已先创建演示单位。${generated ? `演示密码：${password}` : ''}`);
      let last = Date.now();
      const result = await seedScale(services, {
        docs,
        ...(values.requests ? { requests: Math.max(0, Math.trunc(Number(values.requests)) || 0) } : {}),
        ...(values.seed ? { seed: Number(values.seed) } : {}),
        onProgress: (done) => {
          if (Date.now() - last < 5000 && done < docs) return;
          last = Date.now();
          console.log(`已生成 ${done} / ${docs}`);
        },
      });
      console.log(`完成：${result.documents} 份文件、${result.requests} 件依申请公开、${result.auditRows} 条审计记录，用时 ${(result.ms / 1000).toFixed(1)} 秒（${Math.round(result.documents / (result.ms / 1000))} 份/秒）。`);
      // For measurements: the writing and generating threads' CPU, and the writer's milliseconds per table.
      console.log(JSON.stringify({ phases: result.phases, threadCpuSeconds: result.threadCpuSeconds, tableMs: result.tableMs }));
    } finally {
      services.database.close();
    }
  },
  async workdays(args) {
    const services = await createServices(readConfig());
    try {
      console.log(await workdaysCommand(args, await loadWorkCalendar(services)));
    } finally {
      services.database.close();
    }
  },
  async workflow(args) {
    const services = await createServices(readConfig());
    try {
      process.exitCode = await workflowCommand(services, args);
    } finally {
      services.database.close();
    }
  },
  async form(args) {
    const services = await createServices(readConfig());
    try {
      process.exitCode = await formCommand(services, args);
    } finally {
      services.database.close();
    }
  },
  async report(args) {
    const services = await createServices(readConfig());
    try {
      process.exitCode = await reportCommand(services, args);
    } finally {
      services.database.close();
    }
  },
  async import(args) {
    const services = await createServices(readConfig());
    try {
      process.exitCode = await importCommand(services, args);
    } finally {
      services.database.close();
    }
  },
  async export(args) {
    const services = await createServices(readConfig());
    try {
      process.exitCode = await exportCommand(services, args);
    } finally {
      services.database.close();
    }
  },
  async backup(args) {
    if (!args[0]) throw new ShenfaError('BAD_REQUEST', '用法：backup <目录>');
    const services = await createServices(readConfig());
    try {
      const { dir, databaseBytes, files, fileBytes } = await backupDatabase(services, args[0]);
      console.log(`备份完成：${dir}（数据库 ${(databaseBytes / 1024 / 1024).toFixed(1)} MB，附件 ${files} 个 ${(fileBytes / 1024 / 1024).toFixed(1)} MB，清单 manifest.json 含校验值）`);
    } finally {
      services.database.close();
    }
  },
  async restore(args) {
    if (!args[0]) throw new ShenfaError('BAD_REQUEST', '用法：restore <目录>（须先停止服务）');
    const config = readConfig();
    const { file, files, migrations } = await restoreDatabase(config, args[0]);
    if (files === null) console.log('这是只含数据库的旧式备份：附件未随之恢复。');
    else console.log(`附件已恢复 ${files.restored} 个${files.setAside ? `；备份之后上传的 ${files.setAside} 个文件已移至 ${files.setAsideDir}` : ''}。`);
    // Opening the services migrates the restored database to this build's schema.
    const services = await createServices(config);
    try {
      const upgraded = (await migrationCount(services.database.client)) - migrations;
      if (upgraded > 0) console.log(`备份来自较早版本，已升级数据库结构（应用了 ${upgraded} 个迁移）。`);
      const { rows, broken } = await verifyAuditChain(services);
      if (broken) {
        console.error(`已恢复到 ${file}，但审计日志校验失败（第 ${broken.seq} 条）。`);
        process.exitCode = 3;
      } else {
        console.log(`已从 ${path.resolve(args[0])} 恢复到 ${file}；审计日志 ${rows} 条，哈希链校验通过。`);
      }
    } finally {
      services.database.close();
    }
  },
  async audit(args) {
    if (args[0] !== 'verify') throw new ShenfaError('BAD_REQUEST', '用法：audit verify');
    const services = await createServices(readConfig());
    try {
      const { rows, broken } = await verifyAuditChain(services);
      if (broken) {
        console.error(`审计日志校验失败：第 ${broken.seq} 条记录${broken.reason === 'prev_hash_mismatch' ? '与前一条记录的链接不符（记录被删除、插入或重排）' : '内容与其哈希不符（记录被修改）'}。已校验 ${rows} 条。`);
        process.exitCode = 3;
      } else {
        console.log(`审计日志完整：共 ${rows} 条记录，哈希链校验通过。`);
      }
    } finally {
      services.database.close();
    }
  },
  async 'create-user'(args) {
    const { values } = parseArgs({
      args,
      options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, roles: { type: 'string' }, department: { type: 'string' } },
    });
    const missing = ['username', 'name', 'password', 'roles', 'department'].filter((k) => !values[k as keyof typeof values]);
    if (missing.length) throw new ShenfaError('BAD_REQUEST', `缺少选项：${missing.map((m) => `--${m}`).join(' ')}`);
    const services = await createServices(readConfig());
    try {
      await createUser(services, { username: values.username!, displayName: values.name!, password: values.password!, roles: values.roles!.split(',').map((r) => r.trim()), departmentCode: values.department! });
      console.log(`用户 ${values.username} 已创建。`);
    } finally {
      services.database.close();
    }
  },
};

async function run(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return;
  }
  const command = commands[name];
  if (!command) {
    console.error(`未知命令：${name}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  await command(rest);
}

run(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ShenfaError ? `错误：${error.message}` : error);
  process.exitCode = 1;
});
