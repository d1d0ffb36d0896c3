import path from 'node:path';

/** Everything the server reads from the environment, read once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /**
   * Embedded replica (docs/deploy.md): the local `file:` database is a replica of a libsql
   * primary (sqld or Turso) at `url`, pulled every `periodSeconds`; writes go to the primary.
   * DATABASE_SYNC_URL, DATABASE_AUTH_TOKEN, DATABASE_SYNC_INTERVAL. Unset = a plain local file.
   */
  databaseSync: DatabaseSync | undefined;
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
  /**
   * Where Shenfa is mounted in its host: '' at the root (the standalone server), else a path
   * such as '/disclosure' with no trailing slash. Every link, cookie and absolute URL Shenfa
   * makes starts with it. SHENFA_BASE_PATH for a standalone server behind a path prefix.
   */
  basePath: string;
  /** Who signs staff in: Shenfa's own password sign-in, or the host application (see docs/embedding.md). */
  signIn: 'own' | 'host';
  /** Folder of the 'portal_file_drop' channel plugin (SHENFA_CHANNEL_FILE_DROP_DIR); unset = not installed. */
  channelFileDropDir?: string | undefined;
}

export interface DatabaseSync {
  url: string;
  authToken: string | undefined;
  periodSeconds: number;
}

/** Seconds between two pulls from the primary when DATABASE_SYNC_INTERVAL is not set. */
export const DEFAULT_SYNC_INTERVAL_SECONDS = 60;

/** A URL with its password or token hidden, for messages. */
const masked = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * DATABASE_SYNC_URL (+ DATABASE_AUTH_TOKEN, DATABASE_SYNC_INTERVAL): checked here so that a
 * typo stops the start with a message instead of a server that silently never syncs.
 */
function readDatabaseSync(env: NodeJS.ProcessEnv, databaseUrl: string): DatabaseSync | undefined {
  const url = env.DATABASE_SYNC_URL?.trim();
  const interval = env.DATABASE_SYNC_INTERVAL;
  if (!url) {
    if (interval !== undefined && interval.trim() !== '') throw new ConfigError('DATABASE_SYNC_INTERVAL 无效：只在设置了 DATABASE_SYNC_URL（嵌入式副本）时使用');
    return undefined;
  }
  if (!/^(libsql|https?|wss?):\/\/[^\s/?#]+[^\s]*$/.test(url)) {
    throw new ConfigError(`DATABASE_SYNC_URL 无效：应为主库地址，以 libsql://、http(s):// 或 ws(s):// 开头，当前为「${masked(url)}」`);
  }
  if (!databaseUrl.startsWith('file:') || /^file:(:memory:)?$/.test(databaseUrl.split('?')[0]!)) {
    throw new ConfigError(`DATABASE_SYNC_URL 需要本地副本文件：DATABASE_URL 应为 file:路径，当前为「${masked(databaseUrl)}」`);
  }
  const token = env.DATABASE_AUTH_TOKEN;
  if (token !== undefined && (token.trim() === '' || /\s/.test(token))) throw new ConfigError('DATABASE_AUTH_TOKEN 无效：不能为空或含空白字符');
  const periodSeconds = interval === undefined || interval.trim() === '' ? DEFAULT_SYNC_INTERVAL_SECONDS : Number(interval);
  if (!Number.isFinite(periodSeconds) || periodSeconds < 1 || periodSeconds > 86_400) {
    throw new ConfigError(`DATABASE_SYNC_INTERVAL 无效：应为 1–86400 之间的秒数，当前为「${interval}」`);
  }
  return { url, authToken: token, periodSeconds };
}

/** A bad environment variable: the message names it and says what is expected; start stops. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * '/' or '' → '' (the root); '/disclosure/' → '/disclosure'. Only plain path segments: the
 * value ends up in HTML attributes, a cookie's Path and the client router.
 */
export function normalizeBasePath(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..')) {
    throw new ConfigError(`basePath 无效：应形如 /disclosure（以 / 开头，仅含字母、数字和 . _ ~ -），当前为「${raw}」`);
  }
  return trimmed;
}

const FLAG = /^(1|0|true|false|yes|no)?$/i;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (env.PORT?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 无效：应为 0–65535 的整数，当前为「${env.PORT}」`);
  if (env.HOST !== undefined && !/^[\w.:-]+$/.test(env.HOST)) throw new ConfigError(`HOST 无效：应为主机名或 IP 地址，当前为「${env.HOST}」`);
  if (env.DATABASE_URL !== undefined && !/^(file:.+|libsql:\/\/.+|https?:\/\/.+|wss?:\/\/.+)$/.test(env.DATABASE_URL)) {
    throw new ConfigError(`DATABASE_URL 无效：应以 file:、libsql://、http(s):// 或 ws(s):// 开头，当前为「${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}」`);
  }
  if (!FLAG.test(env.SHENFA_SECURE_COOKIES ?? '')) throw new ConfigError(`SHENFA_SECURE_COOKIES 无效：应为 1 或 0，当前为「${env.SHENFA_SECURE_COOKIES}」`);
  if (env.LOG_LEVEL !== undefined && !LOG_LEVELS.includes(env.LOG_LEVEL)) throw new ConfigError(`LOG_LEVEL 无效：应为 ${LOG_LEVELS.join('、')} 之一，当前为「${env.LOG_LEVEL}」`);
  const smtpUrl = env.SHENFA_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) throw new ConfigError(`SHENFA_SMTP_URL 无效（应形如 smtp://用户:密码@主机:端口）: ${smtpUrl.replace(/:[^:@/]*@/, ':***@')}`);
  const basePath = normalizeBasePath(env.SHENFA_BASE_PATH ?? '/');
  const databaseUrl = env.DATABASE_URL ?? 'file:data/shenfa.db';
  const databaseSync = readDatabaseSync(env, databaseUrl);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    databaseSync,
    dataDir: path.resolve(env.SHENFA_DATA_DIR ?? 'data'),
    clientDir: path.resolve(env.SHENFA_CLIENT_DIR ?? 'dist/client'),
    demoPassword: env.SHENFA_DEMO_PASSWORD,
    secureCookies: /^(1|true|yes)$/i.test(env.SHENFA_SECURE_COOKIES ?? ''),
    smtpUrl,
    mailFrom: env.SHENFA_MAIL_FROM ?? '审发 <shenfa@localhost>',
    publicUrl: env.SHENFA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    sensitiveWords: (env.SHENFA_SENSITIVE_WORDS ?? '').split(/[,，、\n]/).map((w) => w.trim()).filter(Boolean),
    channelFileDropDir: env.SHENFA_CHANNEL_FILE_DROP_DIR ? path.resolve(env.SHENFA_CHANNEL_FILE_DROP_DIR) : undefined,
    basePath,
    signIn: 'own',
  };
}
