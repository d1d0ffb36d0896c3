import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isResidentId, passesLuhn, scanPersonalData, maskHit, maskAll } from './privacy-scan.js';

// Check digits computed by ISO 7064 MOD 11-2; 11010519491231002X is the GB 11643 example.
const VALID_IDS = ['11010519491231002X', '41090119850315123X', '410902200012290047', '640521199002283016'];
// Valid Luhn numbers: a 16-digit test card, a 18-digit and a 19-digit card.
const CARD_16 = '4111111111111111';
const CARD_18 = '622848001234567894';
const CARD_19 = '6222020200112345679';

describe('isResidentId', () => {
  it.each(VALID_IDS)('accepts %s', (id) => expect(isResidentId(id)).toBe(true));

  it('accepts a lower-case x', () => expect(isResidentId('11010519491231002x')).toBe(true));

  it.each([
    ['110105194912310021', 'wrong check digit'],
    ['410902200012290048', 'wrong check digit'],
    ['1101051949123100', 'too short'],
  ])('rejects %s (%s)', (id) => expect(isResidentId(id)).toBe(false));

  it('rejects a checksum-valid number whose birth date is impossible', () => {
    // 41090120210230xxx: 30 February; the check digit below is correct for it.
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const body = '41090120210230123';
    const check = '10X98765432'[[...body].reduce((s, d, i) => s + W[i]! * Number(d), 0) % 11]!;
    expect(isResidentId(body + check)).toBe(false);
  });
});

describe('passesLuhn', () => {
  it('accepts valid numbers and rejects a changed digit', () => {
    for (const n of [CARD_16, CARD_18, CARD_19]) expect(passesLuhn(n)).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('6222020200112345678')).toBe(false);
  });
});

describe('scanPersonalData', () => {
  it('finds an ID, a mobile and a bank card in a recipient list', () => {
    const text = `姓名：张三，身份证号：${VALID_IDS[0]}，电话：13812345678，银行卡号：${CARD_19}。`;
    expect(scanPersonalData(text)).toEqual([
      { kind: 'resident_id', start: text.indexOf('1101'), end: text.indexOf('1101') + 18, text: VALID_IDS[0] },
      { kind: 'mobile', start: text.indexOf('138'), end: text.indexOf('138') + 11, text: '13812345678' },
      { kind: 'bank_card', start: text.indexOf('6222'), end: text.indexOf('6222') + 19, text: CARD_19 },
    ]);
  });

  it('does not report an ID with a wrong check digit', () => {
    expect(scanPersonalData('身份证号410902200012290048')).toEqual([]);
  });

  it('reports a valid ID once, as an ID, even when it also passes Luhn', () => {
    const id = '410902198001011057';
    expect(isResidentId(id) && passesLuhn(id)).toBe(true);
    expect(scanPersonalData(`号码${id}`)).toEqual([{ kind: 'resident_id', start: 2, end: 20, text: id }]);
  });

  it('finds grouped forms of each kind', () => {
    const kinds = (t: string) => scanPersonalData(t).map((h) => [h.kind, h.text]);
    expect(kinds('卡号 4111 1111 1111 1111 止')).toEqual([['bank_card', '4111 1111 1111 1111']]);
    expect(kinds('电话 138-1234-5678')).toEqual([['mobile', '138-1234-5678']]);
    expect(kinds('电话+86 13812345678')).toEqual([['mobile', '+86 13812345678']]);
    expect(kinds('证号 410902 20001229 0047')).toEqual([['resident_id', '410902 20001229 0047']]);
  });

  it('ignores masked values', () => {
    expect(scanPersonalData('身份证号410***********1234，电话138****5678，卡号6222 **** **** 5679')).toEqual([]);
    expect(scanPersonalData('身份证号410902********0047')).toEqual([]);
  });

  it('ignores mobile-like digits inside longer runs, and non-Luhn card-length numbers', () => {
    expect(scanPersonalData('编号213812345678')).toEqual([]);
    expect(scanPersonalData('编号138123456789')).toEqual([]);
    expect(scanPersonalData('流水号4111111111111112')).toEqual([]);
    expect(scanPersonalData('订单号41111111111111111111')).toEqual([]);
  });

  it('ignores mobile numbers with a 2-digit prefix other than 1[3-9]', () => {
    expect(scanPersonalData('电话12812345678')).toEqual([]);
  });

  it('finds nothing in real published reports (landlines, postcodes, document numbers)', () => {
    for (const name of [
      'bijie-civil-affairs-2019-disclosure-plan.txt',
      'puyang-civil-affairs-2020-self-inspection.txt',
      'zhongning-civil-affairs-2020-annual-report.txt',
    ]) {
      const text = readFileSync(new URL(`../../shared/fixtures/${name}`, import.meta.url), 'utf8');
      expect(scanPersonalData(text)).toEqual([]);
    }
  });

  it('finds data planted in a real report at the right offsets', () => {
    const report = readFileSync(
      new URL('../../shared/fixtures/zhongning-civil-affairs-2020-annual-report.txt', import.meta.url),
      'utf8',
    );
    const text = `${report}\n低保对象：李四，${VALID_IDS[2]}，联系电话15912345678。`;
    const hits = scanPersonalData(text);
    expect(hits.map((h) => h.kind)).toEqual(['resident_id', 'mobile']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });
});

describe('e-mail addresses and masking', () => {
  it('finds e-mail addresses, not masked ones', () => {
    expect(scanPersonalData('联系邮箱zhangsan@qymz.gov.cn，或z*******@qymz.gov.cn').map((h) => [h.kind, h.text])).toEqual([['email', 'zhangsan@qymz.gov.cn']]);
  });

  it('masks each kind keeping length and separators, and the masked text is no longer a hit', () => {
    const text = '身份证号11010519491231002X，手机138 1234 5678，卡号6222021234567890128，邮箱lisi@example.com';
    const hits = scanPersonalData(text);
    expect(hits.map((h) => maskHit(h))).toEqual(['1101**********002X', '138 **** 5678', '6222***********0128', 'l***@example.com']);
    const masked = maskAll(text, hits);
    expect(masked).toHaveLength(text.length);
    expect(scanPersonalData(masked)).toEqual([]);
  });
});
