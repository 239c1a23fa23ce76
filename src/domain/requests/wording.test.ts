import { describe, expect, it } from 'vitest';
import { checkWording, type WordingIssueCode } from './wording.ts';

const codes = (issues: readonly { code: WordingIssueCode }[]) => issues.map((i) => i.code);

describe('wording check (regulation §3–4: clear, specific, understandable)', () => {
  it('accepts the structured wording of a real request', () => {
    const result = checkWording({
      subject: 'Не могу исправить оценку',
      whatDid: 'Открыла журнал 7 «А», урок от 12 марта, нажала на ячейку с отметкой',
      expected: 'Хотела заменить «3» на «4» после пересдачи',
      happened: 'Ячейка серая, изменить нельзя',
    });
    expect(result).toEqual({ ok: true, errors: [], hints: [] });
  });

  it('accepts free text alone', () => {
    expect(checkWording({ subject: 'Вход через Госуслуги', description: 'Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена. Дочь в 5 «Б».' }).ok).toBe(true);
  });

  it.each([
    [{ subject: '', description: 'Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена.' }, 'subject', 'subject_too_short'],
    [{ subject: '???!!!', description: 'Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена.' }, 'subject', 'no_letters'],
    [{ subject: 'Вход', description: 'Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена.' }, 'subject', 'subject_too_short'],
    [{ subject: 'Журнал не работает' }, 'description', 'empty'],
    [{ subject: 'Журнал не работает', description: '!!! ??? 123' }, 'description', 'no_letters'],
    [{ subject: 'Журнал не работает', description: 'Не открывается' }, 'description', 'too_short'],
    [{ subject: 'Помогите срочно', description: 'Здравствуйте! Ничего не работает, помогите пожалуйста, очень срочно!' }, 'description', 'vague'],
  ])('refuses %j: %s / %s', (wording, field, code) => {
    const result = checkWording(wording);
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ field, code });
  });

  it('gives hints that do not block: caps, repeated characters, incomplete structure, personal data', () => {
    const result = checkWording({
      subject: 'НЕ ВИДНО ОЦЕНКУ ЗА КОНТРОЛЬНУЮ',
      whatDid: 'ОТКРЫЛ ДНЕВНИК СЫНА ЗА СРЕДУ!!!!!!! СНИЛС 123-456-789 01',
    });
    expect(result.ok).toBe(true);
    expect(codes(result.hints)).toEqual(['structure_incomplete', 'structure_incomplete', 'all_caps', 'repeated_characters', 'sensitive_data']);
    expect(result.hints.filter((h) => h.code === 'structure_incomplete').map((h) => h.field)).toEqual(['expected', 'happened']);
  });

  it('needs only a subject for a consultant’s quick intake', () => {
    expect(checkWording({ subject: 'Звонок: нет входа' }, 'intake').ok).toBe(true);
    expect(codes(checkWording({ subject: '–' }, 'intake').errors)).toEqual(['no_letters']);
    expect(codes(checkWording({ subject: 'ок' }, 'intake').errors)).toEqual(['subject_too_short']);
  });
});
