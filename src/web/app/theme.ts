import { type CSSVariablesResolver, createTheme } from '@mantine/core';

const fontFamily = "'Noto Sans Thai', 'Noto Sans', system-ui, -apple-system, 'Segoe UI', sans-serif";

/**
 * Mantine with contrast fixed: the default blue.6 links (3.6:1), dimmed text
 * (3.3:1) and red.6 errors (3.3:1) fail WCAG AA on white, so every text
 * colour here is a darker shade (≥ 4.5:1). Light scheme only: checked for it.
 */
export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  lineHeights: { md: '1.65' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Badge: { defaultProps: { radius: 'sm', size: 'lg', tt: 'none', fw: 600 } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': 'var(--mantine-color-teal-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    /* "light" badges and alerts: shade 9 text on shade 0 (shade 1 gives teal 4.3:1). */
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-color-red-light': 'var(--mantine-color-red-0)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-gray-light': 'var(--mantine-color-gray-0)',
  },
  dark: {},
});
