/**
 * Shenfa's public entry for hosts that embed it. See docs/embedding.md.
 *
 *   import { createShenfa } from 'shenfa/server';   // or a relative path to server/index.ts
 */
export { createShenfa, createShenfaFromConfig, type Shenfa, type ShenfaOptions, type ShenfaSettings } from './embed/create-shenfa';
export type { ShenfaAuth, OwnSignIn, HostSignIn } from './embed/host-auth';
export type { HostUser } from './services/host-user-service';
export type { Role } from '../workflows/roles';
export { ROLES } from '../workflows/roles';
