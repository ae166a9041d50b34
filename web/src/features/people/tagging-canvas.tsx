import { Box, Text } from '@mantine/core';
import type { Box as Rect } from '@nahbar/common';
import { type PointerEvent, useRef, useState } from 'react';
import { PictureFrame, pointIn, rectPosition } from '../../components/picture-frame.tsx';
import { isUsable, type Point, rectFromPoints } from '../media/blur-rects.ts';

export type CanvasMark = { key: string; rect: Rect; label: string; kind: 'person' | 'proposal' };

type Props = {
  src: string;
  alt: string;
  marks: CanvasMark[];
  /** While set, a drag on the picture draws a box and hands it over. */
  onDraw: ((rect: Rect) => void) | null;
};

/**
 * The picture with who is where: tagged people in solid frames with their name, face proposals
 * dashed and numbered. The frames only illustrate; the lists beside them are what screen readers
 * and keyboards use.
 */
export function TaggingCanvas({ src, alt, marks, onDraw }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);

  const pointAt = (event: PointerEvent): Point => pointIn(frame, event);
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
    <PictureFrame
      frame={frame}
      src={src}
      alt={alt}
      drawing={Boolean(onDraw)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={() => {
        setStart(null);
        setDraft(null);
      }}
    >
      {marks.map((mark) => (
        <Box
          key={mark.key}
          pos="absolute"
          aria-hidden
          style={{
            ...rectPosition(mark.rect),
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
            ...rectPosition(draft),
            outline: '2px dashed var(--mantine-color-petrol-4)',
            pointerEvents: 'none',
          }}
        />
      )}
    </PictureFrame>
  );
}
