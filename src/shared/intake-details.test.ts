/** The topic questions of the public form (pure, shared by the form and the server). */
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from './i18n/index.ts';
import { describeWithDetails, detailLines, topicFor } from './intake-details.ts';

const inLocale = (locale: Locale) => (key: Parameters<typeof translate>[1]) => translate(locale, key);

describe('topic questions', () => {
  it('asks the Gosuslugi account state for sign-in, class/subject/date for grades and the date for attendance', () => {
    expect(topicFor('ACC.1', 'ACC', 'parent')).toEqual({ hint: 'intake.topic.acc1', fields: ['gosuslugi', 'errorText'] });
    expect(topicFor('GRD.3', 'GRD', 'staff').fields).toEqual(['className', 'lessonSubject', 'lessonDate']);
    expect(topicFor('ATT.1', 'ATT', 'staff').fields).toContain('absenceDate');
  });

  it('asks parents no separate class (they gave the child’s class already)', () => {
    expect(topicFor('GRD.3', 'GRD', 'parent').fields).toEqual(['lessonSubject', 'lessonDate']);
  });

  it('uses the category’s questions for a sub-category the school added, and none for its own categories', () => {
    expect(topicFor('GRD.9', 'GRD', 'staff').hint).toBe('intake.topic.grd');
    expect(topicFor('GRD', null, 'staff').hint).toBe('intake.topic.grd');
    expect(topicFor('C.1', 'C', 'staff')).toEqual({ hint: null, fields: [] });
    expect(topicFor(null, null, 'parent')).toEqual({ hint: null, fields: [] });
  });

  it('writes the answered questions of the topic only, in the requester’s language, dates as dd.MM.yyyy', () => {
    const topic = topicFor('GRD.3', 'GRD', 'staff');
    const lines = detailLines(
      { className: ' 7  А ', lessonSubject: 'Физика', lessonDate: '2026-11-12', gosuslugi: 'confirmed', device: 'телефон' },
      topic,
      inLocale('ru'),
    );
    expect(lines).toEqual(['Класс: 7 А', 'Предмет: Физика', 'Дата урока: 12.11.2026']);
    expect(detailLines({ gosuslugi: 'simplified' }, topicFor('ACC.1', 'ACC', 'parent'), inLocale('en'))).toEqual([
      'Gosuslugi account: simplified',
    ]);
    expect(detailLines({ lessonSubject: '   ' }, topic, inLocale('ru'))).toEqual([]);
  });

  it('puts the facts above the free text', () => {
    expect(describeWithDetails('Пробовала дважды.', ['Класс: 7 А'])).toBe('Класс: 7 А\n\nПробовала дважды.');
    expect(describeWithDetails('', ['Класс: 7 А'])).toBe('Класс: 7 А');
    expect(describeWithDetails('  ', [])).toBeNull();
    expect(describeWithDetails(' Текст ', [])).toBe('Текст');
  });
});
