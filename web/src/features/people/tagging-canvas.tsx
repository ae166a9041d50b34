import { Box, Text } from '@mantine/core';
import type { Box as Rect } from '@nahbar/common';
import { type PointerEvent, useRef, useState } from 'react';
import { isUsable, type Point, rectFromPoints } from '../media/blur-rects.ts';

export type CanvasMark = { key: string; rect: Rect; label: string; kind: 'person' | 'proposal' };

type Props = {
  src: string;
  alt: string;
  marks: CanvasMark[];
  /** While set, a drag on the picture draws a box and hands it over. */
  onDraw: ((rect: Rect) => void) | null;
};

const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * The picture with who is where: tagged people in solid frames with their name, face proposals
 * dashed and numbered. The frames only illustrate; the lists beside them are what screen readers
 * and keyboards use.
 */
export function TaggingCanvas({ src, alt, marks, onDraw }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);

  const pointAt = (event: PointerEvent): Point => {
    const box = frame.current!.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!onDraw || event.button !== 0) return;
    setStart(pointAt(event));
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (start) setDraft(rectFromPoints(start, pointAt(event)));
  };
  const finish = (event: PointerEvent<HTMLDivElement>) => {
    if (start && onDraw) {
      const rect = rectFromPoints(start, pointAt(event));
      if (isUsable(rect)) onDraw(rect);
    }
    setStart(null);
    setDraft(null);
  };

  return (
    <Box
      ref={frame}
      pos="relative"
      display="inline-block"
      style={{ touchAction: 'none', userSelect: 'none', cursor: onDraw ? 'crosshair' : 'default', lineHeight: 0 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={() => {
        setStart(null);
        setDraft(null);
      }}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        style={{ display: 'block', maxWidth: '100%', maxHeight: '60vh', width: 'auto', height: 'auto' }}
      />
      {marks.map((mark) => (
        <Box
          key={mark.key}
          pos="absolute"
          aria-hidden
          style={{
            left: percent(mark.rect.x),
            top: percent(mark.rect.y),
            width: percent(mark.rect.width),
            height: percent(mark.rect.height),
            outline:
              mark.kind === 'person'
                ? '3px solid var(--mantine-color-petrol-4)'
                : '2px dashed var(--mantine-color-yellow-4)',
            boxShadow: '0 0 0 1px rgba(0, 0, 0, 0.7)',
            pointerEvents: 'none',
          }}
        >
          <Text
            component="span"
            size="xs"
            fw={700}
            c="white"
            bg="dark"
            px={4}
            style={{ lineHeight: 1.4, position: 'absolute', top: '100%', left: 0, whiteSpace: 'nowrap' }}
          >
            {mark.label}
          </Text>
        </Box>
      ))}
      {draft && (
        <Box
          pos="absolute"
          aria-hidden
          style={{
            left: percent(draft.x),
            top: percent(draft.y),
            width: percent(draft.width),
            height: percent(draft.height),
            outline: '2px dashed var(--mantine-color-petrol-4)',
            pointerEvents: 'none',
          }}
        />
      )}
    </Box>
  );
}
