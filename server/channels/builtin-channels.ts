/**
 * The channels Shenfa knows without plugins: the keys the drafting form offers
 * (forms/disclosure.ts CHANNELS), with their labels, and what publishing to each does.
 */
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../forms/disclosure';
import type { PublicationChannel } from './publication-channel';

const BEHAVIOUR: Record<Channel, Pick<PublicationChannel, 'mode' | 'effect'>> = {
  // Delivery is the webhook outbox written in the publication's own transaction
  // (services/webhook-outbox.ts): at least once, retried, surviving restarts. No publish() here.
  portal: {
    mode: 'online',
    effect: { zh: '发布时经 Webhook 推送至门户网站（签名、失败重试、至少送达一次）', en: 'Pushed to the portal by signed webhook on publication (retried, at least once)' },
  },
  wechat: {
    mode: 'online',
    effect: { zh: '由发布人在微信公众号后台转发目录链接', en: 'The publisher posts the catalog link on the WeChat account' },
  },
  notice_board: {
    mode: 'offline',
    effect: { zh: '张贴于政务公开栏或电子显示屏，发布人上传张贴照片备年度检查', en: 'Posted on the notice board or screen; the publisher uploads a photo for the year-end inspection' },
  },
  broadcast: {
    mode: 'offline',
    effect: { zh: '经广播、电视或报刊刊播，发布人上传刊播凭证备年度检查', en: 'Broadcast or printed; the publisher uploads a proof for the year-end inspection' },
  },
};

export const BUILTIN_CHANNELS: readonly PublicationChannel[] = CHANNELS.map((key) => ({ key, label: CHANNEL_LABELS[key], ...BEHAVIOUR[key] }));
