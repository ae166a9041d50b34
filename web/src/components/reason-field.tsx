import { Textarea } from '@mantine/core';

type Props = {
  label: string;
  description: string;
  /** Shown once a submit found the field empty. */
  requiredMessage: string;
  invalid: boolean;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
};

/** A reason a decision must carry (hiding a comment, rejecting an answer): required, a few lines. */
export function ReasonField({ label, description, requiredMessage, invalid, maxLength, value, onChange }: Props) {
  return (
    <Textarea
      label={label}
      description={description}
      withAsterisk={false}
      required
      autosize
      minRows={3}
      maxLength={maxLength}
      value={value}
      error={invalid ? requiredMessage : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
