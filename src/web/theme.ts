/**
 * Mantine theme. Colours are chosen for WCAG AA contrast (4.5:1 for text): a darker primary
 * palette, and darker "dimmed", link, error and light-variant text colours than Mantine's defaults.
 */
import { Badge, createTheme, InputWrapper, Modal, Notification, PasswordInput, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import type { Translate } from './i18n/locale.tsx';

const opora: MantineColorsTuple = [
  '#e7f1fb',
  '#cfe2f6',
  '#a0c4ec',
  '#6ea4e1',
  '#4489d7',
  '#2b78d1',
  '#1a5fae',
  '#155394',
  '#0f4577',
  '#0a355c',
];

const base = {
  primaryColor: 'opora',
  primaryShade: 6,
  colors: { opora },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
} as const;

/** The theme with the accessible names of Mantine's built-in buttons in the current language. */
export function buildTheme(t: Translate) {
  return createTheme({
    ...base,
    components: {
      // Hints under the input, so inputs side by side line up whether or not they have a hint.
      InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
      Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('web.a11y.togglePassword') } },
      }),
      Modal: Modal.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('web.close') } },
        styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
      }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('web.close') } } }),
    },
  });
}

/**
 * Text colour of the light and outline variants (alerts, badges, outline buttons) per Mantine
 * colour: dark enough for 4.5:1 on white and on the variant's tinted background.
 */
const TEXT_ON_TINT: Record<string, string> = {
  opora: 'var(--mantine-color-opora-8)',
  red: '#a51d1d',
  green: '#1b6a2c',
  orange: '#8f3b00',
  yellow: '#6b5200',
  gray: 'var(--mantine-color-gray-8)',
  dark: 'var(--mantine-color-dark-7)',
  teal: '#075e45',
  blue: '#1c5a96',
  cyan: '#0b5c6b',
  grape: '#7b2a8a',
  violet: '#5f3dc4',
  indigo: '#3b4bb0',
  pink: '#a3174f',
  lime: '#3d6308',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-opora-7)',
    '--mantine-color-error': TEXT_ON_TINT.red!,
    ...Object.fromEntries(Object.entries(TEXT_ON_TINT).flatMap(([color, value]) => [
      [`--mantine-color-${color}-light-color`, value],
      [`--mantine-color-${color}-outline`, value],
    ])),
    '--mantine-color-red-filled': TEXT_ON_TINT.red!,
    '--mantine-color-red-filled-hover': '#8a1717',
    '--mantine-color-green-filled': TEXT_ON_TINT.green!,
  },
  dark: {},
});
