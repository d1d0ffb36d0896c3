import { describe, expect, it } from 'vitest';
import { draftDocumentForm } from '../../../forms/index';
import { withDocumentChannels } from './draft-values';

describe('withDocumentChannels', () => {
  it('offers a stored document the channels the server lists for it, a disabled one it keeps included, in that order', () => {
    const choices = [
      { key: 'county_archive', label: { zh: '县档案馆', en: 'County archive' }, enabled: false },
      { key: 'portal', label: { zh: '门户网站栏目', en: 'Portal column' }, enabled: true },
    ];
    const form = withDocumentChannels(draftDocumentForm, { channelChoices: choices });
    expect(form.fields.find((f) => f.key === 'channels')!.options).toEqual([
      { value: 'county_archive', label: { zh: '县档案馆', en: 'County archive' } },
      { value: 'portal', label: { zh: '门户网站栏目', en: 'Portal column' } },
    ]);
    // Other fields are untouched.
    expect(form.fields.find((f) => f.key === 'attribute')).toBe(draftDocumentForm.fields.find((f) => f.key === 'attribute'));
  });
});
