import { describe, expect, it } from 'vitest';
import { installSensitiveWords } from './plugins/sensitive-words';
import { createRegistry } from './registry';
import { registryCatalog } from './registry-catalog';
import { createRequestRegistry, registerRequestGuard } from './requests/request-registry';

describe('the registry catalog the editor offers', () => {
  it('lists the review conditions with labels, not the engine’s own rules', () => {
    const entries = registryCatalog(createRegistry(), createRequestRegistry());
    expect(entries.find((e) => e.name === 'hasStatistics')).toEqual({ name: 'hasStatistics', flow: 'review', use: 'condition', label: { zh: '含统计数据', en: 'Contains statistics' } });
    expect(entries.some((e) => e.name === 'notOwnDocument' || e.name === 'isDocumentDrafter')).toBe(false);
  });

  it('lists the request flow’s conditions and its statutory rules with their events', () => {
    const entries = registryCatalog(createRegistry(), createRequestRegistry()).filter((e) => e.flow === 'request');
    expect(entries.find((e) => e.name === 'holdsStepRole')).toMatchObject({ use: 'condition', label: { zh: '办理人具有本步骤的办理角色' } });
    expect(entries.find((e) => e.name === 'correctionAllowed')).toMatchObject({ use: 'rule', events: ['REQUEST_CORRECTION'] });
  });

  it('shows a plugin’s guard once installed: the sensitive-words example', () => {
    const review = createRegistry();
    const request = createRequestRegistry();
    expect(registryCatalog(review, request).some((e) => e.name === 'noSensitiveWords')).toBe(false);
    installSensitiveWords(['内部资料'], review);
    registerRequestGuard('isOrganisation', () => true, { zh: '申请人为组织', en: 'Applicant is an organisation' }, request);
    const entries = registryCatalog(review, request);
    expect(entries.find((e) => e.name === 'noSensitiveWords')).toEqual({ name: 'noSensitiveWords', flow: 'review', use: 'requirement', label: { zh: '不含敏感词', en: 'No sensitive words' } });
    expect(entries.find((e) => e.name === 'isOrganisation')).toMatchObject({ flow: 'request', use: 'condition' });
  });
});
