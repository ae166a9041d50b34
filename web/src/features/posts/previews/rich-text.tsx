import { Text } from '@mantine/core';
import { findEntities } from '@nahbar/common/rules/hashtags';
import type { CSSProperties, ReactNode } from 'react';

const ENTITY: CSSProperties = { color: 'var(--mantine-color-blue-8)', fontWeight: 500 };
const MAX_LINK = 32;

/** Networks show long links shortened, without the scheme: "beispiel.de/sommerfest-2026/anm…". */
function shortLink(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/, '');
  return bare.length > MAX_LINK ? `${bare.slice(0, MAX_LINK - 1)}…` : bare;
}

/**
 * The text as the network renders it: links, hashtags and mentions marked (as styled text, not as
 * links: the preview must not send anybody anywhere), line breaks kept.
 */
export function RichText({ text, size = 'sm' }: { text: string; size?: 'sm' | 'md' }) {
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const entity of findEntities(text)) {
    if (entity.start < at) continue;
    if (entity.start > at) nodes.push(text.slice(at, entity.start));
    const shown = entity.kind === 'link' ? shortLink(entity.text) : entity.text;
    nodes.push(
      <span key={entity.start} style={entity.kind === 'link' ? { ...ENTITY, textDecoration: 'underline' } : ENTITY}>
        {shown}
      </span>,
    );
    at = entity.end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return (
    <Text size={size} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {nodes}
    </Text>
  );
}
