import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  maskAddress,
  maskMobile,
  maskPersonName,
  normalizeAccountName,
  seesContactDetails,
} from './account.rules.js';

describe('CUS-2 unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character of the first 17', () => {
    for (const code of ['91350100M000100Y43', '9144030071526726XG', '91330100799655058B', '91110000802100433B', '911100001000079554']) {
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });

  it('maps a remainder of 0 to check 0 and 30 to Y', () => {
    // Found by search over the serial: one code whose check value is 0 (31 − 0 → 0) and one whose value is 30 (Y).
    const withCheck = (target: string) => {
      for (let n = 0; n < 10_000; n += 1) {
        const first17 = `9133010030${String(n).padStart(7, '0')}`;
        if (creditCodeCheckChar(first17) === target) return `${first17}${target}`;
      }
      throw new Error(`no code with check ${target}`);
    };
    expect(isValidCreditCode(withCheck('0'))).toBe(true);
    expect(isValidCreditCode(withCheck('Y'))).toBe(true);
  });

  it('refuses a wrong check digit, a forbidden letter, a wrong length and lower case', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('9144030071526726XH')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100O000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('9144030071526726xg')).toBe(false);
    expect(creditCodeCheckChar('9135010SM000100Y4')).toBeNull();
  });
});

describe('CUS-2 normalised names', () => {
  it('folds width, case, spaces, punctuation and one legal-form suffix', () => {
    expect(normalizeAccountName('杭州西湖百货有限公司')).toBe('杭州西湖百货');
    expect(normalizeAccountName(' 杭州 西湖·百货（有限公司） ')).toBe('杭州西湖百货');
    expect(normalizeAccountName('ＡＢＣ Trading Co., Ltd.')).toBe('abctrading');
    expect(normalizeAccountName('公司')).toBe('公司');
    expect(normalizeAccountName('!!!')).toBe('');
  });
});

describe('CMP-3 masking', () => {
  it('masks phones, addresses and names', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile(null)).toBeNull();
    expect(maskMobile('12345')).toBe('****');
    expect(maskAddress('杭州城西区光明路198号')).toBe('杭州城西****');
    expect(maskPersonName('张伟')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
  });

  it('shows contact details to the owner, the owner’s superiors and readers of all; not through geography or custom scopes', () => {
    const team = { kind: 'team' as const, all: false, userIds: [1, 2, 3], geographyIds: [] };
    const geography = { kind: 'geography' as const, all: false, userIds: [1, 2], geographyIds: [10] };
    const custom = { kind: 'custom' as const, all: false, userIds: [1, 2, 3], geographyIds: [10] };
    const all = { kind: 'all' as const, all: true, userIds: [], geographyIds: [] };
    expect(seesContactDetails(team, 1, 3)).toBe(true);
    expect(seesContactDetails(team, 1, 4)).toBe(false);
    expect(seesContactDetails(geography, 1, 2)).toBe(true);
    expect(seesContactDetails(geography, 1, 9)).toBe(false);
    expect(seesContactDetails(geography, 1, null)).toBe(false);
    expect(seesContactDetails(custom, 1, 1)).toBe(true);
    expect(seesContactDetails(custom, 1, 3)).toBe(false);
    expect(seesContactDetails(all, 1, null)).toBe(true);
  });
});
