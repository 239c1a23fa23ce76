/**
 * Reads a production-calendar year from an uploaded file: Opora's own JSON (`{year, week5, week6}`),
 * the plain JSON of one week (`{year, holidays, workingWeekends, shortDays}`), or the widely used
 * xmlcalendar XML (`<calendar year="…"><days><day d="MM.DD" t="1|2|3"/>…`, where t=1 is a day off,
 * t=2 a shortened working day and t=3 a Saturday/Sunday worked). Returns the five-day-week data;
 * every problem is reported as one sentence through ImportError.
 */
import {
  dayFromCivil,
  formatIsoDate,
  isoWeekday,
  parseCalendarFile,
  parseIsoDate,
  type YearData,
} from '../../../domain/working-time/index.ts';

/** One problem with the file: a catalogue key (calendar.import.*) and its parameters. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly key: ImportProblem;
  readonly params: Record<string, string | number>;

  constructor(key: ImportProblem, params: Record<string, string | number> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.key = key;
    this.params = params;
  }
}

export type ImportProblem =
  | 'empty'
  | 'jsonSyntax'
  | 'jsonShape'
  | 'jsonInvalid'
  | 'xmlSyntax'
  | 'xmlNoCalendar'
  | 'xmlYear'
  | 'xmlDayAttribute'
  | 'xmlNoSuchDate'
  | 'xmlDayType';

export interface ImportedYear {
  year: number;
  source: string;
  week5: YearData;
  /** Present when the file carries the six-day week too (Opora's own format). */
  week6: YearData | null;
}

export async function parseCalendarUpload(content: string, format: 'json' | 'xml' | 'auto' = 'auto'): Promise<ImportedYear> {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (!text) throw new ImportError('empty');
  const kind = format === 'auto' ? (text.startsWith('<') ? 'xml' : 'json') : format;
  return kind === 'xml' ? parseXml(text) : parseJson(text);
}

function parseJson(text: string): ImportedYear {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError('jsonSyntax', { detail: (error as Error).message });
  }
  if (typeof json !== 'object' || json === null) throw new ImportError('jsonShape');
  const value = json as Record<string, unknown>;
  try {
    if ('week5' in value) {
      const file = parseCalendarFile(json);
      return { year: file.year, source: file.source, week5: file.week5, week6: file.week6 };
    }
    const file = parseCalendarFile({
      year: value.year,
      country: value.country ?? 'ru',
      source: value.source ?? 'upload',
      week5: value,
      week6: emptyYear(),
    });
    return { year: file.year, source: file.source, week5: file.week5, week6: null };
  } catch (error) {
    throw new ImportError('jsonInvalid', { detail: (error as Error).message.replace(/^Invalid calendar file: /, '') });
  }
}

function emptyYear(): YearData {
  return { holidays: [], workingWeekends: [], shortDays: [] };
}

interface XmlDay {
  '@_d'?: string;
  '@_t'?: string;
}

async function parseXml(text: string): Promise<ImportedYear> {
  // Loaded on use: an idle server does not need an XML parser in memory.
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError('xmlSyntax', { line: valid.err.line, detail: valid.err.msg });
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'day' || name === 'holiday' });
  const root = parser.parse(text) as { calendar?: { '@_year'?: string; '@_date'?: string; days?: { day?: XmlDay[] } } };
  const calendar = root.calendar;
  if (!calendar) throw new ImportError('xmlNoCalendar');
  const year = Number(calendar['@_year']);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new ImportError('xmlYear');
  const holidays: string[] = [];
  const workingWeekends: string[] = [];
  const shortDays: string[] = [];
  for (const [index, day] of (calendar.days?.day ?? []).entries()) {
    const position = index + 1;
    const match = /^(\d{2})\.(\d{2})$/.exec(day['@_d'] ?? '');
    if (!match) throw new ImportError('xmlDayAttribute', { position });
    const month = Number(match[1]);
    const dom = Number(match[2]);
    const iso = `${year}-${match[1]}-${match[2]}`;
    let dayNumber: number;
    try {
      dayNumber = parseIsoDate(iso);
    } catch {
      throw new ImportError('xmlNoSuchDate', { position, date: `${match[2]}.${match[1]}.${year}` });
    }
    if (formatIsoDate(dayFromCivil(year, month, dom)) !== iso)
      throw new ImportError('xmlNoSuchDate', { position, date: `${match[2]}.${match[1]}.${year}` });
    const weekend = isoWeekday(dayNumber) >= 6;
    switch (day['@_t']) {
      case '1':
        if (!weekend) holidays.push(iso);
        break;
      case '2':
        shortDays.push(iso);
        if (weekend) workingWeekends.push(iso);
        break;
      case '3':
        if (weekend) workingWeekends.push(iso);
        break;
      default:
        throw new ImportError('xmlDayType', { position, type: day['@_t'] ?? '' });
    }
  }
  const sorted = (list: string[]) => [...new Set(list)].sort();
  return {
    year,
    source: `xmlcalendar upload${calendar['@_date'] ? ` of ${calendar['@_date']}` : ''}`,
    week5: { holidays: sorted(holidays), workingWeekends: sorted(workingWeekends), shortDays: sorted(shortDays) },
    week6: null,
  };
}
