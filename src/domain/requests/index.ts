/** The request engine's pure rules: lifecycle, numbering, deadlines, wording, taxonomy, attachments. */
export * from './attachments.ts';
export * from './deadlines.ts';
export * from './lifecycle.ts';
export * from './numbering.ts';
export * from './taxonomy.ts';
export * from './wording.ts';
