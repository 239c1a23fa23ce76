/**
 * The act of destruction of personal data and its extract from the log (Roskomnadzor order
 * No. 179 of 28.10.2022, items 3 and 4), drawn as a PDF to print and sign. What it lists comes
 * from domain/requests/erasure-act.ts; the texts from the catalogue (`act.*`).
 */
import { ERASED_CATEGORIES, summarizeErasures, type ErasureReason } from '../../../domain/requests/erasure-act.ts';
import { isRole } from '../../../domain/permissions.ts';
import { formatDate, formatDateTime, translate, type Locale, type MessageKey, type MessageParams } from '../../../shared/i18n/index.ts';
import { artifact, renderPdf, type PdfDocument, type PdfStructure } from '../../lib/pdf.ts';

export interface ActEntry {
  erasedAt: Date;
  reason: ErasureReason;
  /** Null: the nightly housekeeping. */
  actor: { name: string; role: string | null } | null;
  numbers: readonly string[];
  retentionDays: number | null;
}

export interface ActInput {
  locale: Locale;
  organization: { name: string; address: string | null; timezone: string };
  period: { from: string; to: string };
  entries: readonly ActEntry[];
  generatedAt: Date;
}

/** The PDF of the act with its appendix, the extract from the log. */
export function renderErasureAct(input: ActInput): Promise<Buffer> {
  const t = (key: MessageKey, params?: MessageParams) => translate(input.locale, key, params);
  const zone = input.organization.timezone;
  const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, 'UTC');
  const summary = summarizeErasures(input.entries);
  const days = (n: number) => t('act.days', { n });
  const performer = (actor: ActEntry['actor']) =>
    actor ? t('act.performer.user', { name: actor.name, role: isRole(actor.role) ? t(`role.${actor.role}`) : (actor.role ?? '—') }) : null;

  const period = { from: day(input.period.from), to: day(input.period.to) };
  const dates = [...new Set(input.entries.map((e) => formatDate(e.erasedAt, zone)))];
  const performers = [...new Set(input.entries.map((e) => performer(e.actor) ?? t('act.performer.system')))];

  return renderPdf(
    {
      title: t('act.fileTitle', period),
      author: input.organization.name,
      footer: (page, pages) => t('act.footer', { date: formatDateTime(input.generatedAt, zone), page, pages }),
    },
    ({ doc, root }) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
        doc
          .font('regular')
          .fontSize(10)
          .text(text, { width, align: 'left', paragraphGap: 4, structParent: root, ...options });
      /** A list (`L`) whose items are drawn by `fill` with `item`. */
      const list = (fill: (item: (text: string) => void) => void) => {
        const element = doc.struct('L');
        root.add(element);
        withIndent(doc, 18, () =>
          fill((text) => {
            const entry = doc.struct('LI');
            element.add(entry);
            doc
              .font('regular')
              .fontSize(10)
              .text(`— ${text}`, { width: width - 18, paragraphGap: 0.5, structParent: entry, structType: 'LBody' });
            entry.end();
          }),
        );
        element.end();
      };

      doc.font('bold').fontSize(14).text(t('act.title'), { width, align: 'center', structParent: root, structType: 'H1' });
      doc.font('bold').fontSize(12).text(t('act.subtitle'), { width, align: 'center', structParent: root });
      doc.font('regular').fontSize(11).text(t('act.period', period), { width, align: 'center', structParent: root });
      doc.moveDown(0.8);

      paragraph(t('act.lead'));
      paragraph(
        t('act.operator', {
          name: input.organization.name,
          address: input.organization.address?.trim() || t('act.operatorNoAddress'),
        }),
      );
      paragraph(t('act.system'));
      paragraph(t('act.subjects', { n: summary.requests }));

      paragraph(t('act.categories'), { paragraphGap: 2 });
      list((item) => {
        for (const category of ERASED_CATEGORIES) item(t(`act.category.${category}`));
      });
      doc.moveDown(0.3);

      paragraph(t('act.method'));
      paragraph(t('act.backups'));

      paragraph(t('act.reasons'), { paragraphGap: 2 });
      list((item) => {
        if (summary.retention) item(t('act.reason.retention', { days: summary.retentionDays.map(days).join(', ') || '—' }));
        if (summary.subjectRequest) item(t('act.reason.subjectRequest'));
      });
      doc.moveDown(0.3);

      paragraph(
        t('act.dates', {
          dates: dates.length === 1 ? dates[0]! : t('act.dateRange', { first: dates[0]!, last: dates[dates.length - 1]! }),
          zone,
        }),
      );
      paragraph(t('act.performers', { who: performers.join('; ') }));

      signatures(doc, root, width, t);

      doc.addPage();
      doc
        .font('bold')
        .fontSize(12)
        .text(t('act.log.title'), { width, align: 'center', paragraphGap: 4, structParent: root, structType: 'H2' });
      doc.font('regular').fontSize(11).text(t('act.period', period), { width, align: 'center', structParent: root });
      doc.moveDown(0.8);
      paragraph(t('act.log.lead', { n: input.entries.length }));
      input.entries.forEach((entry, index) => {
        const reason =
          entry.reason === 'retention'
            ? t('act.log.reason.retention', { days: entry.retentionDays === null ? '—' : days(entry.retentionDays) })
            : t('act.log.reason.subjectRequest');
        doc.moveDown(0.3);
        doc
          .font('bold')
          .fontSize(10)
          .text(
            `${index + 1}. ${formatDateTime(entry.erasedAt, zone)} · ${reason} · ${performer(entry.actor) ?? t('act.log.who.system')} · ${t('act.log.requests', { n: entry.numbers.length })}`,
            { width, paragraphGap: 2, structParent: root },
          );
        doc.font('regular').fontSize(9).text(entry.numbers.join(', '), { width, align: 'left', paragraphGap: 4, structParent: root });
      });
    },
  );
}

/** Three rows of position, signature and name to fill in by hand; kept on one page. */
function signatures(doc: PdfDocument, root: PdfStructure, width: number, t: (key: MessageKey) => string): void {
  const rowHeight = 26;
  const needed = 24 + 3 * rowHeight + 30;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.8);
  const left = doc.page.margins.left;
  doc.font('bold').fontSize(10).text(t('act.signatures'), left, doc.y, { width, structParent: root });
  const columns: Array<[number, number, MessageKey]> = [
    [0, 0.4, 'act.signature.position'],
    [0.44, 0.2, 'act.signature.signature'],
    [0.68, 0.32, 'act.signature.name'],
  ];
  for (let row = 0; row < 3; row += 1) {
    const y = doc.y + rowHeight - 8;
    for (const [offset, share, caption] of columns) {
      const x = left + offset * width;
      artifact(doc, () =>
        doc
          .moveTo(x, y)
          .lineTo(x + share * width, y)
          .lineWidth(0.6)
          .stroke(),
      );
      doc
        .font('regular')
        .fontSize(7)
        .fillColor('#444444')
        .text(t(caption), x, y + 2, { width: share * width, align: 'center', lineBreak: false, structParent: root });
    }
    doc.fillColor('black');
    doc.y = y + 10;
  }
  doc.moveDown(1.2);
  doc.font('regular').fontSize(10).text(t('act.signature.date'), left, doc.y, { width, structParent: root });
}

function withIndent(doc: PdfDocument, points: number, draw: () => void): void {
  doc.x += points;
  draw();
  doc.x -= points;
}
