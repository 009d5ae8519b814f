/**
 * Full-width input from a Chinese IME, folded before number-like fields are checked: the plain functions,
 * and the zod helpers the shared schemas use so that the form and the IPC boundary agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decimalInput,
  halfWidth,
  halfWidthString,
  idNumberLike,
  idNumberString,
  normaliseDecimal,
  normaliseIdNumber,
  normalisePhone,
  parseDecimal,
  phoneLike,
  phoneString,
  toHalfWidth,
  unifyDashes,
} from '../../../shared/kernel/normalise';
import { isValidResidentId } from '../../../shared/master/id-number';
import { optPhone, optText, phone } from '../../../shared/kernel/validation';

const messages = (r: { success: boolean; error?: z.ZodError }) => (r.success ? null : r.error!.issues.map((i) => i.message));

describe('toHalfWidth', () => {
  it('maps the full-width ASCII block and the ideographic space, nothing else', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ！＃＄％＆（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～')).toBe('123ABCabc!#$%&()*+,-./:;<=>?@[\\]^_`{|}~');
    expect(toHalfWidth('１３８\u3000１２３４')).toBe('138 1234');
    expect(toHalfWidth('张三，你好。①㎡²￥')).toBe('张三,你好。①㎡²￥');
    expect(toHalfWidth('')).toBe('');
  });

  it('is NFKC on U+FF01–U+FF5E and U+3000, and idempotent', () => {
    for (let cp = 0xff01; cp <= 0xff5e; cp++) expect(toHalfWidth(String.fromCharCode(cp))).toBe(String.fromCharCode(cp).normalize('NFKC'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
        expect(toHalfWidth(s).length).toBe(s.length);
      }),
    );
  });

  it('unifies dash look-alikes', () => {
    expect(unifyDashes('1‐2‑3‒4–5—6―7−8﹘9﹣0－1')).toBe('1-2-3-4-5-6-7-8-9-0-1');
  });
});

describe('normalisePhone', () => {
  it('takes what an IME types', () => {
    expect(normalisePhone('１３８ １２３４ ５６７８')).toBe('13812345678');
    expect(normalisePhone('１３８－１２３４－５６７８')).toBe('13812345678');
    expect(normalisePhone('＋８６ １３８\u3000１２３４ ５６７８')).toBe('+8613812345678');
    expect(normalisePhone('（０７５５）８６１２ ３４５６')).toBe('075586123456');
    expect(normalisePhone('0755.8612.3456')).toBe('075586123456');
  });

  it('keeps other characters, so the phone check refuses them', () => {
    expect(normalisePhone('138１２３４ABCD')).toBe('1381234ABCD');
    expect(normalisePhone('0755-8612转801')).toBe('07558612转801');
  });

  it('inside the existing phone schemas', () => {
    expect(phoneLike(phone).parse('１３８ １２３４ ５６７８')).toBe('13812345678');
    expect(phoneLike(optPhone).parse('＋８６ １３８ １２３４ ５６７８')).toBe('13812345678');
    expect(phoneLike(optPhone).parse('')).toBeNull();
    expect(phoneLike(optPhone).parse(null)).toBeNull();
    expect(messages(phoneLike(phone).safeParse('１３８ １２３４'))).toEqual(['v.phone']);
    // The kernel's own phone schemas normalise it too now (full-width digits typed with a Chinese IME).
    expect(phone.parse('１３８ １２３４ ５６７８')).toBe('13812345678');
    expect(optPhone.parse('１３８－１２３４－５６７８')).toBe('13812345678');
    expect(phoneString().regex(/^\+?\d+$/).parse('１３８－１２３４－５６７８')).toBe('13812345678');
  });
});

describe('normaliseIdNumber', () => {
  it('folds full-width, drops spaces, upper-cases x', () => {
    expect(normaliseIdNumber('１１０１０５１９９００３０７１２３Ｘ')).toBe('11010519900307123X');
    expect(normaliseIdNumber('１１０１０５ １９９００３０７ １０１ｘ')).toBe('11010519900307101X');
    expect(normaliseIdNumber(' e１２３４５６７８ ')).toBe('E12345678');
    expect(isValidResidentId(normaliseIdNumber('１１０１０５１９９００３０７１０１ｘ'))).toBe(true);
  });

  it('inside a schema', () => {
    const Id = idNumberLike(optText(30));
    expect(Id.parse('１１０１０５１９９００３０７１０１ｘ')).toBe('11010519900307101X');
    expect(Id.parse('')).toBeNull();
    const Resident = idNumberString().refine(isValidResidentId, { message: 'v.residentId' });
    expect(Resident.parse('１１０１０５１９９００３０７１０１ｘ')).toBe('11010519900307101X');
    expect(messages(Resident.safeParse('１１０１０５１９９００３０７１２３Ｘ'))).toEqual(['v.residentId']); // wrong check digit
  });
});

describe('normaliseDecimal / parseDecimal', () => {
  it('takes full-width digits, points and signs', () => {
    expect(normaliseDecimal('１２３．５')).toBe('123.5');
    expect(parseDecimal('９６．５')).toBe(96.5);
    expect(parseDecimal('９６。５')).toBe(96.5); // the IME's '.' key in Chinese punctuation mode
    expect(parseDecimal('－２')).toBe(-2);
    expect(parseDecimal('−2')).toBe(-2);
    expect(parseDecimal('＋３')).toBe(3);
    expect(parseDecimal(' １２ ')).toBe(12);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('5.')).toBe(5);
  });

  it('drops thousands separators only where they group by three', () => {
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1，234')).toBe(1234);
    expect(parseDecimal('１２，３４５，６７８')).toBe(12345678);
    expect(parseDecimal('1 234.5')).toBe(1234.5);
    expect(parseDecimal('96,5')).toBeNull(); // a decimal comma? refused, not guessed
    expect(parseDecimal('1,23')).toBeNull();
    expect(parseDecimal('1,2345')).toBeNull();
  });

  it('refuses what is not a plain decimal', () => {
    for (const s of ['', ' ', '１２ａ', '96.5㎡', '1e3', '0x10', '--1', '1-', '1.2.3', 'Infinity', 'NaN', '.', '-']) expect(parseDecimal(s), s).toBeNull();
  });

  it('parses every number it prints, in half and full width', () => {
    const full = (s: string) => s.replace(/[0-9.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, f) => {
        const n = Number(`${i}.${String(f).padStart(2, '0')}`);
        const text = `${i}.${String(f).padStart(2, '0')}`;
        expect(parseDecimal(text)).toBe(n);
        expect(parseDecimal(full(text))).toBe(n);
      }),
    );
  });
});

describe('decimalInput', () => {
  const Reading = decimalInput(z.number().min(0).max(99_999_999));
  const Quantity = decimalInput(z.number().int().min(1).max(9999));
  const Area = decimalInput(z.number().positive().nullable());

  it('turns typed text into the number, and passes numbers through', () => {
    expect(Reading.parse('９６．５')).toBe(96.5);
    expect(Reading.parse('1，234.5')).toBe(1234.5);
    expect(Reading.parse(12.5)).toBe(12.5);
    expect(Quantity.parse('１２')).toBe(12);
    expect(Area.parse('８８．８')).toBe(88.8);
  });

  it('refuses a negative number rather than clamping it', () => {
    expect(messages(Reading.safeParse('－２'))).toEqual(['v.tooSmall|{"min":0}']);
    expect(messages(Quantity.safeParse('０'))).toEqual(['v.tooSmall|{"min":1}']);
  });

  it('blank is null: required unless nullable; other text is refused', () => {
    expect(messages(Reading.safeParse(''))).toEqual(['v.required']);
    expect(Area.parse('　')).toBeNull();
    expect(messages(Reading.safeParse('九十六'))).toEqual(['v.invalidType']);
    expect(messages(Reading.safeParse('96,5'))).toEqual(['v.invalidType']);
    expect(messages(Quantity.safeParse('1.5'))).toEqual(['v.invalidType']);
  });

  it('keeps the types of the schema, so form values stay typed', () => {
    const Form = z.object({ water: Reading, name: halfWidth(optText(20)), code: halfWidthString().max(5) });
    type In = z.input<typeof Form>;
    type Out = z.output<typeof Form>;
    const input: In = { water: '９６．５', name: 'ＡＢ', code: 'Ａ１' };
    const output: Out = Form.parse(input);
    expect(output).toEqual({ water: 96.5, name: 'AB', code: 'A1' });
    const numberAlso: In['water'] = 3;
    expect(numberAlso).toBe(3);
  });
});
