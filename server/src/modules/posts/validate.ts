import {
  type Channel,
  type CheckInput,
  type CheckMedia,
  type CheckMode,
  checkPost,
  type FieldError,
  type Language,
  type NetworkId,
} from '@nahbar/common';
import type { Capabilities } from '../../channels/contract.ts';
import { AppError } from '../../http/errors.ts';
import { limitsOf } from '../channels/view.ts';

export type TargetDraft = {
  field: string;
  network: string;
  /** The effective text: the variant, or the post's text. */
  text: string;
  contentWarning?: string | null | undefined;
  caps: Capabilities;
  channelStatus: string;
};

/**
 * What the network would refuse, found before scheduling: the composer's own rules (checkPost),
 * errors only, in the request's language. Warnings are the composer's business.
 */
export function checkTargets(
  input: { text: string; media: CheckMedia[]; targets: TargetDraft[] },
  mode: CheckMode,
  language: Language,
): FieldError[] {
  const check: CheckInput = {
    text: input.text,
    media: input.media,
    targets: input.targets.map((d) => ({
      field: d.field,
      network: d.network as NetworkId,
      text: d.text,
      contentWarning: d.contentWarning,
      limits: limitsOf(d.caps),
      status: d.channelStatus as Channel['status'],
    })),
  };
  return checkPost(check, mode)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ field: issue.field, code: issue.code, message: issue.message[language] }));
}

/** Throws 422 post_invalid with every reason when the post cannot be scheduled like this. */
export function assertSchedulable(input: Parameters<typeof checkTargets>[0], language: Language): void {
  if (input.targets.length === 0) return;
  const errors = checkTargets(input, 'schedule', language);
  if (errors.length) throw new AppError('post_invalid', errors);
}
