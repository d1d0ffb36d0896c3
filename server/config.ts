import path from 'node:path';

/** Everything the server reads from the environment, read once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Where attachments live (outside the database rows). */
  dataDir: string;
  /** Built client (vite output). */
  clientDir: string;
  demoPassword: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.gov.cn:587; none = no e-mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address staff open Shenfa at, for links in e-mails (e.g. https://shenfa.qingyuan.gov.cn). */
  publicUrl: string | undefined;
  /** Words the 'noSensitiveWords' workflow guard refuses (SHENFA_SENSITIVE_WORDS, separated by commas or 、). */
  sensitiveWords: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效: ${env.PORT}`);
  const smtpUrl = env.SHENFA_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) throw new Error(`SHENFA_SMTP_URL 无效（应形如 smtp://用户:密码@主机:端口）: ${smtpUrl.replace(/:[^:@/]*@/, ':***@')}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'file:data/shenfa.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    dataDir: path.resolve(env.SHENFA_DATA_DIR ?? 'data'),
    clientDir: path.resolve(env.SHENFA_CLIENT_DIR ?? 'dist/client'),
    demoPassword: env.SHENFA_DEMO_PASSWORD,
    secureCookies: env.SHENFA_SECURE_COOKIES === '1' || env.SHENFA_SECURE_COOKIES === 'true',
    smtpUrl,
    mailFrom: env.SHENFA_MAIL_FROM ?? '审发 <shenfa@localhost>',
    publicUrl: env.SHENFA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    sensitiveWords: (env.SHENFA_SENSITIVE_WORDS ?? '').split(/[,，、\n]/).map((w) => w.trim()).filter(Boolean),
  };
}
