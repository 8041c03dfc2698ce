import { type CSSVariablesResolver, createTheme, type MantineThemeOverride } from '@mantine/core';

/** Calm indigo theme; shade 8 and darker greys keep every text above WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.4,
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontWeight: '650',
    sizes: { h1: { fontSize: '1.75rem', lineHeight: '1.25' }, h2: { fontSize: '1.25rem', lineHeight: '1.3' } },
  },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // Badges never shrink into an ellipsis inside table cells or card headers.
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' } } },
  },
});

/** Close buttons of modals and notifications get a name in the UI language. */
export function withCloseLabel(label: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': label, title: label };
  return {
    ...theme,
    components: {
      ...theme.components,
      Modal: { defaultProps: { centered: true, radius: 'md', closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  };
}

/** Text colours of the "light" and "subtle" variants, dark enough for 4.5:1 on their tinted backgrounds. */
const LIGHT_TEXT: Record<string, string> = {
  indigo: 'var(--mantine-color-indigo-9)',
  blue: 'var(--mantine-color-blue-9)',
  violet: 'var(--mantine-color-violet-9)',
  grape: 'var(--mantine-color-grape-9)',
  gray: 'var(--mantine-color-gray-9)',
  green: '#1e6b2f',
  red: '#a51d1d',
  orange: '#a33a08',
};

function lightVariants(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, text] of Object.entries(LIGHT_TEXT)) {
    vars[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    vars[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${name}-1)`;
    vars[`--mantine-color-${name}-light-color`] = text;
  }
  return vars;
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...lightVariants(),
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
