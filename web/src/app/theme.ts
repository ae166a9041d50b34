import { type CSSVariablesResolver, createTheme, type MantineColorsTuple, mergeThemeOverrides } from '@mantine/core';

// A calm petrol. Shade 6 (filled buttons, links) reaches 5.4:1 against white, so text on it and
// links on white pass WCAG AA; the light variants use shade 9 on shade 1 (9.2:1).
const petrol: MantineColorsTuple = [
  '#e6f3f5',
  '#cfe6ea',
  '#9fcdd6',
  '#6cb2bf',
  '#4399a9',
  '#26879a',
  '#1a7486',
  '#156273',
  '#0f4f5d',
  '#093c47',
];

// Mantine's red-6 is 3.3:1 on white; shift the scale so filled red buttons and error text stay readable.
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#e03131',
  '#c92a2a',
  '#b02525',
  '#961f1f',
  '#7a1818',
];

const baseTheme = createTheme({
  primaryColor: 'petrol',
  primaryShade: 6,
  colors: { petrol, red },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    // Fields keep the `required` attribute (announced by screen readers) without a "*" in the label:
    // almost every field here is required, and a bare label stays findable as "Name", not "Name *".
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    Badge: { defaultProps: { variant: 'light', tt: 'none' } },
    // No fade: a closing menu must not linger in the accessibility tree (and in automated checks).
    // No focus placeholder: a tabbable div with role=presentation inside role=menu breaks ARIA
    // (axe: aria-required-children); focus moves to the first item instead, as the menu pattern says.
    Menu: { defaultProps: { transitionProps: { duration: 0 }, withInitialFocusPlaceholder: false } },
    Notification: { defaultProps: { withBorder: true } },
  },
});

/** Darker greys for secondary text and errors: Mantine's defaults fail 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
    '--mantine-color-success': 'var(--mantine-color-petrol-7)',
    '--mantine-color-anchor': 'var(--mantine-color-petrol-7)',
  },
  dark: {},
});

/** Close buttons have only an icon: give them a name in the UI language. */
export function localisedTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    baseTheme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps } },
        Notification: { defaultProps: { closeButtonProps } },
        Drawer: { defaultProps: { closeButtonProps } },
      },
    }),
  );
}
