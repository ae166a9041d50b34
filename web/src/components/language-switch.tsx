import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, UI_LANGUAGES, type UiLanguage } from '../app/i18n.ts';

type Props = {
  /** Signed-in users persist the choice on the server; before sign-in it stays on this device. */
  onChange: (language: UiLanguage) => Promise<void> | void;
};

/** Accessible name "Sprache: Deutsch" / "Language: English"; menu items are named in their own language. */
export function LanguageSwitch({ onChange }: Props) {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.current', { language: t(`language.names.${active}`) })}
          px="xs"
        >
          {/* The visible word is part of the accessible name ("Sprache: Deutsch"), as WCAG 2.5.3 asks. */}
          <Text span size="sm" visibleFrom="sm" inherit>
            {t(`language.names.${active}`)}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {UI_LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void onChange(language)}
            rightSection={language === active ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={language === active ? 'true' : undefined}
          >
            {t(`language.names.${language}`, { lng: language })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
