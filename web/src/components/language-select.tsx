import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../app/i18n.ts';

/** A language value for data (organisation, account, invitation), not the UI switch. */
export function LanguageSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const data = UI_LANGUAGES.map((language) => ({ value: language, label: t(`language.names.${language}`) }));
  return <Select data={data} allowDeselect={false} {...props} />;
}
