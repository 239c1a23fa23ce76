import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, sniffAttachmentType } from './attachments.ts';
import { DEFAULT_CATEGORIES, defaultTypeForCategory } from './taxonomy.ts';

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('attachment type from the bytes', () => {
  it.each([
    [bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    [bytes('GIF89a', 1, 0), 'image/gif'],
    [bytes('GIF87a', 1, 0), 'image/gif'],
    [bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    [bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('recognises %#', (data, type) => expect(sniffAttachmentType(data)).toBe(type));

  it.each([
    ['an HTML page', bytes('<!doctype html><script>')],
    ['a Windows executable', bytes('MZ', 0x90, 0)],
    ['a ZIP / DOCX', bytes('PK', 3, 4)],
    ['a PDF with leading junk (polyglot)', bytes('<html>%PDF-1.4')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt ')],
    ['an SVG image', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['an empty file', bytes()],
  ])('refuses %s', (_name, data) => expect(sniffAttachmentType(data)).toBeNull());
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\Мария\\Скриншот журнала.png', 'image/png', 'Скриншот журнала.png'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['photo.JPEG', 'image/jpeg', 'photo.JPEG'],
    ['photo.exe', 'image/png', 'photo.exe.png'],
    ['  .hidden\u0000name\u202e.gif ', 'image/gif', 'hiddenname.gif'],
    ['', 'application/pdf', 'file.pdf'],
  ] as const)('%j → %j', (name, type, expected) => expect(cleanFileName(name, type)).toBe(expected));

  it('keeps names within 200 characters with the extension', () => {
    const name = cleanFileName(`${'я'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Скриншот "1".png')).toBe(
      `attachment; filename="________ _1_.png"; filename*=UTF-8''%D0%A1%D0%BA%D1%80%D0%B8%D0%BD%D1%88%D0%BE%D1%82%20%221%22.png`,
    );
  });
});

describe('default taxonomy (DOMAIN §3.2)', () => {
  it('has twelve categories with unique codes, covering the regulation’s five areas', () => {
    const codes = DEFAULT_CATEGORIES.flatMap((c) => [c.code, ...c.children.map((s) => s.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEFAULT_CATEGORIES).toHaveLength(12);
    const areas = new Set(DEFAULT_CATEGORIES.map((c) => c.regulationArea).filter(Boolean));
    for (const area of ['timetable', 'grades', 'attendance', 'lessons']) expect(areas).toContain(area);
    expect(DEFAULT_CATEGORIES.find((c) => c.code === 'SCH')?.children.some((s) => s.name.includes('КТП'))).toBe(true); // lesson planning
  });

  it('suggests the request type of a subcategory', () => {
    expect(defaultTypeForCategory('PD.1')).toBe('pd_request_152fz');
    expect(defaultTypeForCategory('APL.2')).toBe('complaint_210fz');
    expect(defaultTypeForCategory('FAM.2')).toBe('data_change');
    expect(defaultTypeForCategory('GRD.3')).toBe('consultation');
    expect(defaultTypeForCategory('nope')).toBe('consultation');
  });
});
