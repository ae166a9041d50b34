import type { AgeBand, FieldError, Guardian, Language } from '@nahbar/common';
import { AppError, fieldError } from '../../http/errors.ts';

/** The fields whose combination matters, as they will be after the change. */
export type PersonShape = {
  birthDate: string | null;
  ageBand: AgeBand | null;
  guardians: Guardian[];
  jointCustody: boolean;
};

/**
 * What the schema alone cannot see: the age must stay known, a birth date lies in the past,
 * joint custody needs two guardians on record. Throws input_invalid (422) with every finding.
 */
export function checkPersonShape(shape: PersonShape, today: string, language: Language): void {
  const errors: FieldError[] = [];
  if (shape.birthDate === null && shape.ageBand === null) {
    errors.push(
      fieldError(
        'birthDate',
        'age_required',
        { de: 'Bitte Geburtsdatum oder Altersgruppe angeben.', en: 'Please give a birth date or an age band.' },
        language,
      ),
    );
  }
  if (shape.birthDate !== null && shape.birthDate > today) {
    errors.push(
      fieldError(
        'birthDate',
        'in_future',
        { de: 'Das Geburtsdatum liegt in der Zukunft.', en: 'The birth date is in the future.' },
        language,
      ),
    );
  }
  if (shape.jointCustody && shape.guardians.length < 2) {
    errors.push(
      fieldError(
        'guardians',
        'joint_custody_needs_two',
        {
          de: 'Bei gemeinsamem Sorgerecht bitte beide Sorgeberechtigten eintragen.',
          en: 'With joint custody, please record both guardians.',
        },
        language,
      ),
    );
  }
  if (errors.length > 0) throw new AppError('input_invalid', errors);
}
