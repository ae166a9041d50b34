import type { Language } from '@nahbar/common';
import type { Actor } from '../../http/context.ts';

/** Who writes, in which organisation, whether they may publish, and the language errors use. */
export type OrgActor = Actor & { orgId: string; canPublish: boolean; language: Language };
